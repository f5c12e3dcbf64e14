import HTTPTypes
import Hummingbird

/// One page of the console: the layout every page shares (the navigation, a title) around
/// its content, answered as `text/html` with the console's headers.
struct ConsolePage {
    var title: String
    var subtitle: HTML = .empty
    var content: HTML
    var status: HTTPResponse.Status = .ok

    /// A page that only says something: an unknown name, a refused post, a failed store.
    static func message(_ title: String, _ text: String, status: HTTPResponse.Status) -> ConsolePage {
        ConsolePage(title: title, content: "<div class=\"notice failed\"><p>\(text)</p></div>", status: status)
    }

    /// The whole document.
    var html: HTML {
        let subtitle: HTML = self.subtitle == .empty ? .empty : "<p class=\"subtitle\">\(self.subtitle)</p>\n"
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Disco console</title>
            <link rel="stylesheet" href="\(ConsolePaths.stylesheet)">
            </head>
            <body>
            <header><nav><a href="\(ConsolePaths.root)">Disco console</a><a href="\(ConsolePaths.streams)">Streams</a><a href="\(ConsolePaths.live)">Live events</a></nav></header>
            <main>
            <h1>\(title)</h1>
            \(subtitle)\(content)
            </main>
            </body>
            </html>

            """
    }

    /// The page as a response.
    var response: Response {
        Response(
            status: status,
            headers: ConsoleHeaders.headers(contentType: "text/html; charset=utf-8"),
            body: ResponseBody(byteBuffer: ByteBuffer(string: html.rendered))
        )
    }
}
