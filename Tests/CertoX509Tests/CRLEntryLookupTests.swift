// The revoked-entry index of a CRL: lookups by serial agree with a linear scan on large generated
// CRLs, an indirect CRL's certificateIssuer groups keep equal serials of different issuers apart, and
// a serial listed twice for one issuer is refused wherever it occurs.
import CertoX509
import Testing

enum CRLBuilder {
    static let issuer = DERBuilder.name([("2.5.4.3", DERBuilder.printable("CRL Issuer"))])

    static func serial(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        repeat { bytes.insert(UInt8(rest & 0xff), at: 0); rest >>= 8 } while rest > 0
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return bytes
    }

    /// certificateIssuer (2.5.29.29, critical) naming one directoryName.
    static func certificateIssuer(_ commonName: String) -> [UInt8] {
        let name = DERBuilder.name([("2.5.4.3", DERBuilder.printable(commonName))])
        return DERBuilder.extensionTLV(oid: [0x55, 0x1d, 0x1d], critical: true,
                                       value: DERBuilder.sequence(DERBuilder.tlv(0xa4, name)))
    }

    /// A v2 CRL with a dummy signature; each entry is (serial, certificateIssuer extension or nil).
    static func crl(_ entries: [(Int, String?)]) -> [UInt8] {
        let revoked = entries.flatMap { entry -> [UInt8] in
            let extensions = entry.1.map { DERBuilder.sequence(certificateIssuer($0)) } ?? []
            return DERBuilder.sequence(DERBuilder.tlv(0x02, serial(entry.0)), DERBuilder.time("250101000000Z"), extensions)
        }
        let tbs = DERBuilder.sequence([0x02, 0x01, 0x01], DERBuilder.sha256WithRSA, issuer, DERBuilder.time("250101000000Z"),
                                      DERBuilder.time("260101000000Z"), entries.isEmpty ? [] : DERBuilder.tlv(0x30, revoked))
        return DERBuilder.sequence(tbs, DERBuilder.sha256WithRSA, DERBuilder.tlv(0x03, [0x00, 0x01, 0x02]))
    }
}

@Suite struct CRLEntryLookupTests {
    @Test func lookupAgreesWithLinearScan() throws {
        var generator = SystemRandomNumberGenerator()
        let serials = (0..<5_000).map { _ in Int.random(in: 1...1_000_000_000, using: &generator) }
        let distinct = Array(Set(serials))
        let crl = try CertificateRevocationList(derEncoded: CRLBuilder.crl(distinct.map { ($0, nil) }))
        #expect(crl.revokedCertificates.count == distinct.count)
        let listed = Set(distinct)
        var checked = 0
        for probe in distinct.prefix(1_000) + (0..<1_000).map({ _ in Int.random(in: 1...1_000_000_000, using: &generator) }) {
            let serial = CRLBuilder.serial(probe)[...]
            let linear = crl.revokedCertificates.first { $0.serialNumber.elementsEqual(serial) }
            let indexed = crl.entry(forSerialNumber: serial)
            #expect(indexed?.serialNumber.elementsEqual(serial) ?? false == listed.contains(probe))
            #expect((linear == nil) == (indexed == nil))
            checked += 1
        }
        print("CRL index: \(checked) lookups agree with a linear scan over \(distinct.count) entries")
    }

    @Test func indirectEntriesAreKeptApartByIssuer() throws {
        let crl = try CertificateRevocationList(derEncoded: CRLBuilder.crl([(7, nil), (9, "CA One"), (7, nil), (8, "CA Two"), (7, nil)]))
        let issuerName = try DistinguishedName(derEncoded: CRLBuilder.issuer)
        let one = try DistinguishedName(derEncoded: DERBuilder.name([("2.5.4.3", DERBuilder.printable("CA One"))]))
        let two = try DistinguishedName(derEncoded: DERBuilder.name([("2.5.4.3", DERBuilder.printable("CA Two"))]))
        #expect(crl.hasCertificateIssuerEntries)
        // Entries without certificateIssuer inherit the previous entry's (RFC 5280 §5.3.3).
        #expect(crl.entry(forSerialNumber: [7], issuedBy: issuerName) != nil)
        #expect(crl.entry(forSerialNumber: [9], issuedBy: issuerName) == nil)
        #expect(crl.entry(forSerialNumber: [9], issuedBy: one) != nil)
        #expect(crl.entry(forSerialNumber: [7], issuedBy: one) != nil)
        #expect(crl.entry(forSerialNumber: [8], issuedBy: one) == nil)
        #expect(crl.entry(forSerialNumber: [8], issuedBy: two) != nil)
        #expect(crl.entry(forSerialNumber: [7], issuedBy: two) != nil)
        #expect(crl.entry(forSerialNumber: [9], issuedBy: two) == nil)
    }

    @Test func aSerialListedTwiceForOneIssuerIsRefused() {
        for entries in [[(5, nil), (5, nil)], [(1, nil), (2, nil), (3, nil), (2, nil)],
                        [(4, "CA One"), (6, nil), (4, nil)]] as [[(Int, String?)]] {
            #expect(throws: CertificateError.self) { try CertificateRevocationList(derEncoded: CRLBuilder.crl(entries)) }
        }
        // The same serial for different issuers is two entries.
        #expect(throws: Never.self) { try CertificateRevocationList(derEncoded: CRLBuilder.crl([(4, nil), (4, "CA One")])) }
    }
}
