// Fuzz target: `certo sigverify --jsonl` request lines, evaluated by the same code the CLI runs.
// A first byte of 0 selects the structured mode: an algorithm index, then key, message and signature
// chunks (and optional PSS salt and MGF1 hash) that are hex-encoded into a well-formed request, so the
// fuzzer reaches the key readers and verifiers without having to learn hex. Any other input is one
// request line as read from the batch. Invariants: the JSON reader, the hex reader and the
// request evaluation agree on what is malformed, and an echoed value stays within its bound.
@testable import CertoSignatureRequests
import FuzzSupport

private let algorithms = [
    "rsa-pkcs1-sha1", "rsa-pkcs1-sha224", "rsa-pkcs1-sha256", "rsa-pkcs1-sha384", "rsa-pkcs1-sha512",
    "rsa-pss-sha256", "rsa-pss-sha384", "rsa-pss-sha512", "rsa-pss-sha1",
    "ecdsa-p256-sha256", "ecdsa-p256-sha384", "ecdsa-p256-sha512", "ecdsa-p384-sha256", "ecdsa-p384-sha384",
    "ecdsa-p384-sha512", "ecdsa-p256-sha256-p1363", "ecdsa-p384-sha384-p1363", "ecdsa-p256-sha1", "rsa-x-sha256",
]
private let mgf1Names = ["sha1", "sha224", "sha256", "sha384", "sha512", "SHA-256", "md5"]

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let line: String
    if input.bytes.first == 0 {
        _ = input.byte()
        line = structuredRequest(&input)
    } else {
        line = String(decoding: input.bytes, as: UTF8.self)
    }
    check(line)
    return 0
}

/// A request with every field well-formed JSON, built from the input's pieces.
private func structuredRequest(_ input: inout FuzzInput) -> String {
    let algorithm = algorithms[Int(input.byte()) % algorithms.count]
    let options = input.byte()
    let key = input.chunk(), message = input.chunk()
    let signature = input.rest()
    var fields = ["\"alg\": \"\(algorithm)\"", "\"key\": \"\(hex(key))\"", "\"msg\": \"\(hex(message))\"",
                  "\"sig\": \"\(hex(signature))\""]
    if options & 1 != 0 { fields.append("\"salt\": \(Int(options >> 2))") }
    if options & 2 != 0 { fields.append("\"mgf1\": \"\(mgf1Names[Int(options >> 4) % mgf1Names.count])\"") }
    return "{" + fields.joined(separator: ", ") + "}"
}

private func check(_ line: String) {
    let parsed = Result { () throws(JSONValue.ParseError) in try JSONValue.parse(line) }
    if case .failure(let error) = parsed {
        invariant(error.offset >= 0 && error.offset <= line.utf8.count, "JSON error offset \(error.offset) outside the line")
    }
    let result = SignatureRequest.evaluate(line)
    let isObject: Bool
    if case .success(.object(let fields)) = parsed {
        isObject = true
        for case .string(let text) in fields.values { checkHex(text) }
    } else {
        isObject = false
    }
    if case .failure(let error) = result {
        let notAnObject = error.message == "malformed request: not a JSON object"
        invariant(notAnObject == !isObject, "evaluation and the JSON reader disagree on \"\(echoed(line))\"")
        let answer = echoed(error.message, limit: 256)
        invariant(answer.utf8.count <= 256 + "…".utf8.count, "echoed text of \(answer.utf8.count) bytes past its bound")
    } else {
        invariant(isObject, "a line that is not a JSON object was evaluated")
    }
}

/// hexBytes accepts exactly the even-length strings of hex digits, and decodes them both ways round.
private func checkHex(_ text: String) {
    let digits = Array(text.utf8)
    let isHex = digits.count % 2 == 0 && digits.allSatisfy { $0 < 0x80 && UInt8(String(UnicodeScalar($0)), radix: 16) != nil }
    let decoded = hexBytes(text)
    invariant((decoded != nil) == isHex, "hexBytes and the digit check disagree on \"\(echoed(text))\"")
    if let decoded {
        invariant(hex(decoded) == text.lowercased(), "hexBytes does not round-trip \"\(echoed(text))\"")
    }
}

private func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 15)])
    }
    return String(decoding: text, as: UTF8.self)
}

@main enum SigVerifyFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
