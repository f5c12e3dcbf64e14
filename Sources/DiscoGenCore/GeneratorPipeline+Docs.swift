extension GeneratorPipeline {
    /// The documentation of a set of checked specs: one Markdown page per aggregate, named
    /// after it (`Wallet.md`), then the index page (`README.md`).
    /// - Parameters:
    ///   - specs: The checked specs, in the order the index lists them.
    ///   - specLinkBase: The path from the pages' folder to the folder the spec paths are
    ///     relative to, for links to the specs; `nil` for no links.
    public func generateDocs(_ specs: [CheckedSpec], specLinkBase: String? = nil) -> [Output] {
        let translator = DocumentationTranslator()
        let renderer = MarkdownDocsRenderer(specLinkBase: specLinkBase)
        let docs = specs.map(translator.translate)
        var outputs = docs.map { doc in
            Output(
                aggregateName: doc.aggregate,
                source: renderer.render(doc),
                diagnostics: [],
                fileName: MarkdownDocsRenderer.pageFileName(aggregate: doc.aggregate)
            )
        }
        outputs.append(
            Output(
                aggregateName: "",
                source: renderer.renderIndex(docs),
                diagnostics: [],
                fileName: MarkdownDocsRenderer.indexFileName
            )
        )
        return outputs
    }
}
