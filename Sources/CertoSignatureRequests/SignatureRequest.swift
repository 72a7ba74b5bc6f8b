// One `certo sigverify --jsonl` request line, parsed strictly and evaluated: the whole protocol except
// reading lines and writing answers, which the CLI does. A library of its own so that the fuzz target
// for request lines calls exactly the code the CLI runs.
import Certo
import CertoHash

/// Why a request (or a sigverify algorithm choice) could not be evaluated; `message` is the answer's text.
public struct SignatureRequestError: Error {
    public let message: String
    public init(message: String) { self.message = message }
}

/// One JSON-lines request: {"alg", "key", "msg", "sig"[, "salt"][, "mgf1"]}.
public enum SignatureRequest {
    public static func evaluate(_ line: String) -> Result<Bool, SignatureRequestError> {
        do {
            guard case .object(let request)? = try? JSONValue.parse(line) else {
                throw SignatureRequestError(message: "malformed request: not a JSON object")
            }
            func string(_ field: String) throws(SignatureRequestError) -> String {
                guard case .string(let value)? = request[field] else {
                    throw SignatureRequestError(message: "malformed request: \"\(field)\" must be a string")
                }
                return value
            }
            func hex(_ field: String) throws(SignatureRequestError) -> [UInt8] {
                guard let bytes = hexBytes(try string(field)) else {
                    throw SignatureRequestError(message: "malformed request: \"\(field)\" is not hex")
                }
                return bytes
            }
            var algorithm = try SignatureRequestAlgorithm(name: try string("alg"))
            var salt: Int?
            if let value = request["salt"] {
                guard case .number(let number) = value,
                      let integer = Int(exactly: number), integer >= 0, integer <= 1 << 20 else {
                    throw SignatureRequestError(message: "malformed request: \"salt\" must be a non-negative integer")
                }
                salt = integer
            }
            let mgf1 = request["mgf1"] == nil ? nil : try string("mgf1")
            try algorithm.apply(salt: salt, mgf1: mgf1)
            let verifier = try algorithm.verifier(keyFile: try hex("key"))
            return .success(verifier.verify(signature: try hex("sig"), message: try hex("msg")))
        } catch let error as SignatureRequestError {
            return .failure(error)
        } catch {
            return .failure(SignatureRequestError(message: "\(error)"))
        }
    }
}
