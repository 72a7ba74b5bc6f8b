// Hex constants compiled into `certo bench` cases (keys, signatures, messages), wrapped over lines.
import CertoSignatureRequests

/// Bytes from a hex constant compiled into the tool; a malformed one is a programmer error.
func benchConstantBytes(_ text: String) -> [UInt8] {
    guard let bytes = hexBytes(text, ignoringWhitespace: true) else {
        preconditionFailure("malformed hex constant in a certo bench case")
    }
    return bytes
}
