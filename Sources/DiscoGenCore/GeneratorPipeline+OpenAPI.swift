extension GeneratorPipeline {
    /// The OpenAPI 3.1 document of a set of checked specs, as JSON text with sorted keys.
    /// - Parameter title: `info.title`; from the aggregates' names when `nil`.
    /// - Throws: ``Diagnostics`` when two specs define the same command, query or aggregate.
    public func generateOpenAPI(_ specs: [CheckedSpec], title: String? = nil) throws(Diagnostics) -> String {
        JSONWriter().write(try OpenAPITranslator(title: title).translate(specs).json)
    }
}
