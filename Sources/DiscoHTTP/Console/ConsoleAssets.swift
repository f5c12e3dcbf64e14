/// The console's stylesheet and its one script, served from the console itself (the pages load
/// nothing from elsewhere).
enum ConsoleAssets {
    /// A plain layout that reads on a phone: one column, full-width inputs, tables that scroll
    /// sideways rather than overflow.
    static let stylesheet = """
        :root { color-scheme: light dark; --accent: #2563eb; --error: #b91c1c; --ok: #15803d; --line: #8884; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        header { border-bottom: 1px solid var(--line); padding: .5rem 0; }
        header nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
        header a:first-child { font-weight: 600; }
        main { max-width: 48rem; margin: 0 auto; padding: 0 1rem 3rem; }
        a { color: var(--accent); overflow-wrap: anywhere; }
        h1 { font-size: 1.5rem; margin: 1rem 0 .25rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; }
        h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
        .subtitle { margin: 0 0 1rem; opacity: .75; }
        .description { white-space: pre-line; overflow-wrap: anywhere; }
        ul.names { padding-left: 1.25rem; }
        ul.names li { margin: .25rem 0; }
        .console-form { margin: 1rem 0; }
        .field { margin: 0 0 1rem; }
        .field label { display: block; font-weight: 600; overflow-wrap: anywhere; }
        .required { font-weight: normal; font-size: .8rem; opacity: .7; }
        input, select, textarea, button { font: inherit; }
        input, select, textarea { width: 100%; padding: .45rem .5rem; border: 1px solid #8888; border-radius: 4px; }
        .invalid input, .invalid select, .invalid textarea { border-color: var(--error); }
        .hint { margin: .2rem 0 0; font-size: .85rem; opacity: .75; overflow-wrap: anywhere; }
        ul.errors { margin: .25rem 0 0; padding-left: 1.25rem; color: var(--error); font-weight: 600; }
        button { padding: .55rem 1.25rem; border: 0; border-radius: 4px; background: var(--accent); color: #fff; }
        .notice { border-left: 4px solid var(--line); padding: .5rem .75rem; margin: 1rem 0; overflow-wrap: anywhere; }
        .notice.ok { border-color: var(--ok); }
        .notice.failed { border-color: var(--error); }
        .notice p { margin: .25rem 0; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
        th { white-space: nowrap; }
        td { overflow-wrap: anywhere; }
        code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; white-space: pre-wrap; }
        ol.events { list-style: none; padding: 0; }
        ol.events li { border-bottom: 1px solid var(--line); padding: .4rem 0; overflow-wrap: anywhere; }
        .meta { font-size: .85rem; opacity: .75; }
        """

    /// The live view: events of an EventSource, appended as text (never as markup).
    static let script = """
        "use strict";
        const list = document.getElementById("live-events");
        const status = document.getElementById("live-status");
        if (list && status && window.EventSource) {
          const source = new EventSource(list.dataset.source);
          source.onopen = () => { status.textContent = "Connected: events appear here as they are recorded."; };
          source.onerror = () => { status.textContent = "Disconnected; the browser tries again."; };
          source.addEventListener("recorded", (message) => {
            const event = JSON.parse(message.data);
            const item = document.createElement("li");
            const title = document.createElement("strong");
            title.textContent = event.type + " ";
            const link = document.createElement("a");
            link.href = event.href;
            link.textContent = event.stream + " v" + event.version;
            const meta = document.createElement("div");
            meta.className = "meta";
            meta.textContent = "#" + event.position + " · " + event.recorded_at;
            const payload = document.createElement("code");
            payload.textContent = event.payload_json;
            item.append(title, link, meta, payload);
            list.prepend(item);
          });
        }
        """
}
