// Object identifiers kept as their DER content octets: comparison is a byte compare, and the dotted
// string is built only when someone asks for it. Arcs of any size render correctly (2.25.<UUID>).
// The named constants are the OIDs this module decodes; everything else stays an opaque OID.

enum OID {
    /// Longest arc accepted, in 7-bit groups (224 bits: room for 2.25.<128-bit UUID>). It keeps rendering
    /// linear in the OID's length; unbounded arcs would make decimal conversion quadratic on hostile input.
    static let maximumArcGroups = 32

    /// X.690 §8.19: non-empty, every sub-identifier minimal (no leading 0x80), the last one complete;
    /// and no arc longer than `maximumArcGroups`.
    static func isValidEncoding(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let last = bytes.last, last & 0x80 == 0 else { return false }
        var startOfArc = true
        var groups = 0
        for byte in bytes {
            if startOfArc && byte == 0x80 { return false }
            groups += 1
            if groups > maximumArcGroups { return false }
            startOfArc = byte & 0x80 == 0
            if startOfArc { groups = 0 }
        }
        return true
    }

    /// Dotted-decimal form of valid content octets.
    static func dotted(_ bytes: ArraySlice<UInt8>) -> String {
        var result = ""
        result.reserveCapacity(bytes.count * 3)
        var value: UInt64 = 0
        var big: [UInt8]? = nil  // 7-bit groups of an arc too large for UInt64
        var first = true
        for byte in bytes {
            if big == nil && value >> 57 != 0 { big = groups(of: value) }
            if big != nil { big!.append(byte & 0x7f) } else { value = value << 7 | UInt64(byte & 0x7f) }
            guard byte & 0x80 == 0 else { continue }
            if let groups = big {
                if first { result += "2." + decimal(subtracting80From: groups) } else { result += "." + decimal(ofGroups: groups) }
            } else if first {
                let top: UInt64 = value < 40 ? 0 : (value < 80 ? 1 : 2)
                result += String(top) + "." + String(value - top * 40)
            } else {
                result += "." + String(value)
            }
            first = false
            value = 0
            big = nil
        }
        return result
    }

    private static func groups(of value: UInt64) -> [UInt8] {
        var groups: [UInt8] = []
        var remaining = value
        repeat {
            groups.insert(UInt8(remaining & 0x7f), at: 0)
            remaining >>= 7
        } while remaining != 0
        return groups
    }

    /// Decimal string of a big number given as base-128 digits, most significant first.
    private static func decimal(ofGroups groups: [UInt8]) -> String {
        var digits = groups.map { UInt32($0) }
        var output: [Character] = []
        while digits.contains(where: { $0 != 0 }) {
            var remainder: UInt32 = 0
            for index in digits.indices {
                let current = remainder * 128 + digits[index]
                digits[index] = current / 10
                remainder = current % 10
            }
            output.append(Character(Unicode.Scalar(UInt8(48 + remainder))))
        }
        return output.isEmpty ? "0" : String(output.reversed())
    }

    /// The first arc of a huge first sub-identifier is 2; the second arc is the value minus 80.
    private static func decimal(subtracting80From groups: [UInt8]) -> String {
        var digits = groups
        var borrow = 80
        var index = digits.count - 1
        while borrow > 0 && index >= 0 {
            var value = Int(digits[index]) - borrow % 128
            borrow /= 128
            if value < 0 { value += 128; borrow += 1 }
            digits[index] = UInt8(value)
            index -= 1
        }
        return decimal(ofGroups: digits)
    }

    /// DER content octets of a dotted OID; nil when the text is not a valid OID.
    static func encode(_ dotted: String) -> [UInt8]? {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        var arcs: [UInt64] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let arc = UInt64(part) else { return nil }
            arcs.append(arc)
        }
        guard arcs[0] <= 2, arcs[0] == 2 || arcs[1] < 40 else { return nil }
        let (firstValue, overflow) = (arcs[0] * 40).addingReportingOverflow(arcs[1])
        guard !overflow else { return nil }
        var result: [UInt8] = []
        for arc in [firstValue] + arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7f)]
            var remaining = arc >> 7
            while remaining != 0 {
                chunk.insert(UInt8(remaining & 0x7f) | 0x80, at: 0)
                remaining >>= 7
            }
            result += chunk
        }
        return result
    }

    // MARK: Algorithms
    static let commonName: [UInt8] = [0x55, 0x04, 0x03]
    static let rsaEncryption: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]
    static let sha1WithRSAEncryption: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05]
    static let sha224WithRSAEncryption: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e]
    static let sha256WithRSAEncryption: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]
    static let sha384WithRSAEncryption: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c]
    static let sha512WithRSAEncryption: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d]
    static let rsassaPSS: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a]
    static let mgf1: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08]
    static let ecPublicKey: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]
    static let ecdsaWithSHA1: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01]
    static let ecdsaWithSHA224: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01]
    static let ecdsaWithSHA256: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]
    static let ecdsaWithSHA384: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03]
    static let ecdsaWithSHA512: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04]
    static let sha1: [UInt8] = [0x2b, 0x0e, 0x03, 0x02, 0x1a]
    static let sha224: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04]
    static let sha256: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
    static let sha384: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02]
    static let sha512: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03]
    static let p256: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]
    static let p384: [UInt8] = [0x2b, 0x81, 0x04, 0x00, 0x22]

    // MARK: Extensions (RFC 5280 §4.2, RFC 6962)
    static let subjectKeyIdentifier: [UInt8] = [0x55, 0x1d, 0x0e]
    static let keyUsage: [UInt8] = [0x55, 0x1d, 0x0f]
    static let subjectAltName: [UInt8] = [0x55, 0x1d, 0x11]
    static let issuerAltName: [UInt8] = [0x55, 0x1d, 0x12]
    static let basicConstraints: [UInt8] = [0x55, 0x1d, 0x13]
    static let nameConstraints: [UInt8] = [0x55, 0x1d, 0x1e]
    static let crlDistributionPoints: [UInt8] = [0x55, 0x1d, 0x1f]
    static let certificatePolicies: [UInt8] = [0x55, 0x1d, 0x20]
    static let policyMappings: [UInt8] = [0x55, 0x1d, 0x21]
    static let authorityKeyIdentifier: [UInt8] = [0x55, 0x1d, 0x23]
    static let policyConstraints: [UInt8] = [0x55, 0x1d, 0x24]
    static let extendedKeyUsage: [UInt8] = [0x55, 0x1d, 0x25]
    static let freshestCRL: [UInt8] = [0x55, 0x1d, 0x2e]
    static let inhibitAnyPolicy: [UInt8] = [0x55, 0x1d, 0x36]
    static let authorityInfoAccess: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01]
    static let subjectInfoAccess: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x0b]
    static let signedCertificateTimestamps: [UInt8] = [0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02]
    static let ctPoison: [UInt8] = [0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x03]

    // MARK: Access methods
    static let ocsp: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01]
    static let caIssuers: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02]
}

extension ArraySlice where Element == UInt8 {
    /// Byte equality with a constant, written out so the optimiser keeps it a tight loop.
    @inline(__always)
    func equals(_ other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in
                memcmpBytes(mine, theirs)
            }
        }
    }
}

@inline(__always)
func memcmpBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    var index = 0
    while index < a.count {
        if a[index] != b[index] { return false }
        index &+= 1
    }
    return true
}
