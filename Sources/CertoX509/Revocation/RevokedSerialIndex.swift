// The revoked entries of a CRL sorted once, at parse, by (certificate issuer, serial number), so that
// a lookup is a binary search however long the CRL is, and a serial revoked twice by the same issuer
// (two dates, two reasons: ambiguous) is found as two neighbours. An indirect CRL (§5.2.5) may list
// the same serial for different issuers; their entries fall in different issuer groups.

struct RevokedSerialIndex: Sendable {
    /// The distinct certificateIssuer values of the entries; group g > 0 is `issuers[g - 1]`, group 0
    /// is the CRL's own issuer.
    let issuers: [[GeneralName]]
    private let groups: [Int32]
    /// Entry indices in (group, serial) order.
    private let order: [Int32]

    /// The first entry that repeats an earlier (issuer, serial) pair, if any.
    let duplicate: Int?

    init(_ entries: [RevokedCertificate]) {
        var issuers: [[GeneralName]] = []
        var groupOf: [[GeneralName]: Int32] = [:]
        var groups: [Int32] = []
        groups.reserveCapacity(entries.count)
        for entry in entries {
            guard let names = entry.effectiveIssuer else { groups.append(0); continue }
            if let known = groupOf[names] { groups.append(known); continue }
            issuers.append(names)
            let group = Int32(issuers.count)
            groupOf[names] = group
            groups.append(group)
        }
        var order = (0..<Int32(entries.count)).map { $0 }
        order.sort { Self.precedes(groups[Int($0)], entries[Int($0)].serialNumber, groups[Int($1)], entries[Int($1)].serialNumber) }
        var duplicate: Int?
        for i in order.indices.dropFirst() {
            let a = Int(order[i - 1]), b = Int(order[i])
            if groups[a] == groups[b] && entries[a].serialNumber.elementsEqual(entries[b].serialNumber) {
                let later = max(a, b)
                if duplicate == nil || later < duplicate! { duplicate = later }
            }
        }
        self.issuers = issuers
        self.groups = groups
        self.order = order
        self.duplicate = duplicate
    }

    /// (group, length, bytes): any total order serves, as long as equal keys are equal bytes.
    private static func precedes(_ g1: Int32, _ s1: ArraySlice<UInt8>, _ g2: Int32, _ s2: ArraySlice<UInt8>) -> Bool {
        if g1 != g2 { return g1 < g2 }
        if s1.count != s2.count { return s1.count < s2.count }
        return s1.lexicographicallyPrecedes(s2)
    }

    /// The index of the entry for `serial` in `group`, by binary search.
    func entry(in entries: [RevokedCertificate], serial: ArraySlice<UInt8>, group: Int32) -> Int? {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = Int(order[middle])
            if Self.precedes(groups[candidate], entries[candidate].serialNumber, group, serial) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < order.count else { return nil }
        let found = Int(order[low])
        return groups[found] == group && entries[found].serialNumber.elementsEqual(serial) ? found : nil
    }
}
