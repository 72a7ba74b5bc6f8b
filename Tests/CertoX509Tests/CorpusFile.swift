// Sorting corpus files by content: certificates (PEM with CERTIFICATE blocks, or DER whose TBS has a
// certificate's shape) are parsed; CRLs, requests, PKCS#12, cross-certificate pairs, S/MIME and other
// text are skipped and counted by kind. A DER file that looks like nothing known is treated as a
// certificate, so a broken certificate is never skipped silently.
import Foundation

enum CorpusKind: String, CaseIterable {
    case certificate, crl, request, ocsp, pkcs12, certificatePair, pemOther, text, empty
}

enum CorpusFile {
    static func kind(of bytes: [UInt8]) -> CorpusKind {
        if bytes.isEmpty { return .empty }
        if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN ") {
            if text.contains("-----BEGIN CERTIFICATE-----") { return .certificate }
            if text.contains("CRL-----") { return .crl }
            if text.contains("REQUEST-----") { return .request }
            return .pemOther
        }
        guard bytes[0] == 0x30 else {
            return bytes.allSatisfy({ $0 == 0x09 || $0 == 0x0a || $0 == 0x0d || ($0 >= 0x20 && $0 < 0x7f) }) ? .text : .certificate
        }
        guard let outer = children(bytes, 0) else { return .certificate }
        // PKCS#12: SEQUENCE { INTEGER 3, ContentInfo, ... }; certificate pair: SEQUENCE { [0] / [1] certificates }.
        if let first = outer.first, bytes[first.start] == 0x02 { return .pkcs12 }
        // OCSPResponse: SEQUENCE { responseStatus ENUMERATED, ... }.
        if let first = outer.first, bytes[first.start] == 0x0a { return .ocsp }
        // OCSPRequest: SEQUENCE { tbsRequest SEQUENCE { [0] version?, [1] requestorName?, requestList SEQUENCE }, [0] signature? }.
        if outer.count <= 2, bytes[outer[0].start] == 0x30, let tbs = children(bytes, outer[0].start) {
            let tags = tbs.map { bytes[$0.start] }
            if tags.first == 0x30 || (tags.first == 0xa0 && tags.dropFirst().first != 0x02) || tags.first == 0xa1 { return .ocsp }
        }
        if let first = outer.first, bytes[first.start] == 0xa0 || bytes[first.start] == 0xa1 { return .certificatePair }
        guard outer.count == 3, bytes[outer[0].start] == 0x30, let tbs = children(bytes, outer[0].start) else { return .certificate }
        let tags = tbs.map { bytes[$0.start] }
        if tags.first == 0xa0 { return .certificate }
        if tags.count >= 4, tags[0] == 0x02, tags[1] == 0x30, tags[2] == 0x30, tags[3] == 0xa0 { return .request }
        if tags.first == 0x30 { return .crl }  // v1 TBSCertList starts with the signature AlgorithmIdentifier
        if tags.count >= 4, tags[0] == 0x02, tags[1] == 0x30, tags[2] == 0x30, tags[3] == 0x17 || tags[3] == 0x18 { return .crl }
        return .certificate
    }

    /// (start, end) of each child element of the constructed element at `start`; nil if the framing is off.
    private static func children(_ bytes: [UInt8], _ start: Int) -> [(start: Int, end: Int)]? {
        guard let (contentStart, end) = header(bytes, start) else { return nil }
        var result: [(Int, Int)] = []
        var position = contentStart
        while position < end {
            guard let (_, childEnd) = header(bytes, position), childEnd <= end else { return nil }
            result.append((position, childEnd))
            position = childEnd
        }
        return result
    }

    private static func header(_ bytes: [UInt8], _ start: Int) -> (contentStart: Int, end: Int)? {
        guard start + 2 <= bytes.count else { return nil }
        var position = start + 2
        var length = Int(bytes[start + 1])
        if length & 0x80 != 0 {
            let count = length & 0x7f
            guard count >= 1, count <= 4, position + count <= bytes.count else { return nil }
            length = 0
            for index in 0..<count { length = length << 8 | Int(bytes[position + index]) }
            position += count
        }
        guard position + length <= bytes.count else { return nil }
        return (position, position + length)
    }

    /// Regular files (symbolic links followed) directly inside `directory`, sorted, de-duplicated by target.
    static func files(in directory: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var seen: Set<String> = []
        var result: [URL] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let resolved = url.resolvingSymlinksInPath()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if seen.insert(resolved.path).inserted { result.append(url) }
        }
        return result
    }
}
