/// Reads and writes JSON text for ``Value`` and ``Params``, byte by byte and without
/// Foundation's JSON coders.
///
/// Numbers read back as the most faithful case of ``Value``:
/// - an integer that fits an `Int` (no fraction, no exponent) is `.int`;
/// - a number of at most 15 significant digits is `.double`: every such decimal survives a
///   round trip through `Double`;
/// - a longer number is `.double` when it is exactly the shortest text of a `Double` (as
///   `0.30000000000000004`, which is how a `Double` is written), and `.decimal` otherwise, so
///   that decimals written with more digits than a `Double` holds keep every digit.
///
/// Writing gives compact JSON (no spaces), object keys in their order, `.double` in its
/// shortest round-trip form and `.decimal` as an exact JSON number. Strings are escaped as
/// JSON requires (`"`, `\`, control characters), and reading understands every escape,
/// including `\u` surrogate pairs.
///
/// ```swift
/// let bytes = try JSON.encode(["amount": 12.5, "tags": ["a", "b"]])
/// let params = try JSON.decodeObject(bytes)
/// ```
public enum JSON {
    /// The JSON text of a value, as UTF-8 bytes.
    /// - Throws: ``JSONError`` when the value holds a number JSON cannot write (NaN, infinity).
    public static func encode(_ value: Value) throws(JSONError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        try JSONWriter.write(value, into: &output)
        return output
    }

    /// The JSON text of an object, as UTF-8 bytes.
    /// - Throws: ``JSONError`` when a value holds a number JSON cannot write (NaN, infinity).
    public static func encode(_ params: Params) throws(JSONError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        try JSONWriter.write(params, into: &output)
        return output
    }

    /// The JSON text of a value, as a string.
    /// - Throws: ``JSONError`` when the value holds a number JSON cannot write (NaN, infinity).
    public static func string(_ value: Value) throws(JSONError) -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// The value of a JSON text; whitespace around it is allowed, anything else after it is not.
    /// - Throws: ``JSONError`` naming the byte offset of the first problem.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(JSONError) -> Value {
        try withContiguousBytes(bytes) { buffer throws(JSONError) in
            var parser = JSONParser(buffer)
            return try parser.parseDocument()
        }
    }

    /// The value of a JSON text given as a string.
    /// - Throws: ``JSONError`` naming the byte offset of the first problem.
    public static func decode(_ string: String) throws(JSONError) -> Value {
        try decode(Array(string.utf8))
    }

    /// The members of a JSON text that must be an object.
    /// - Throws: ``JSONError`` naming the byte offset of the first problem, or saying the
    ///   text is not an object.
    public static func decodeObject<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(JSONError) -> Params {
        guard case .object(let params) = try decode(bytes) else {
            throw JSONError(offset: 0, "expected a JSON object")
        }
        return params
    }

    /// Runs `body` over the bytes as one contiguous buffer, copying only when they are not
    /// stored contiguously.
    static func withContiguousBytes<Bytes: Collection<UInt8>, Result>(
        _ bytes: Bytes,
        _ body: (UnsafeBufferPointer<UInt8>) throws(JSONError) -> Result
    ) throws(JSONError) -> Result {
        let outcome: Swift.Result<Result, JSONError>? = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(JSONError) {
                return .success(try body(buffer))
            } catch {
                return .failure(error)
            }
        }
        if let outcome { return try outcome.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer throws(JSONError) in try body(buffer) }
    }
}
