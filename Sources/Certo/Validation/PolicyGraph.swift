// The valid_policy_tree of RFC 5280 §6.1 kept as RFC 9618's policy graph: one node per policy per
// depth, each node's parents implied by the expected_policy_sets one level up (a node is a child of
// every node there that expects its policy, or of the anyPolicy node when none does). RFC 5280's tree
// copies a node once per path to it, so crafted mappings make it grow exponentially (CVE-2023-0464);
// here the work grows with the policies and mappings the certificates actually carry, and `size`
// (nodes plus expected-set entries) is held under a limit. Policies are OID content octets.

struct PolicyGraph {
    struct Node {
        let policy: ArraySlice<UInt8>
        /// The policies that satisfy this one in the next certificate (itself, or what it maps to).
        var expected: [ArraySlice<UInt8>]
        /// The parent is the anyPolicy node one level up; no node there expects this policy.
        let parentIsAnyPolicy: Bool
    }

    struct Level {
        var hasAnyPolicy = false
        var nodes: [Node] = []
        /// Node index by policy, kept once a level is large (each policy appears once per level);
        /// small levels, the usual one to three policies, are scanned instead.
        private var index: [ArraySlice<UInt8>: Int] = [:]
        private static let indexedFrom = 8

        init(hasAnyPolicy: Bool = false) { self.hasAnyPolicy = hasAnyPolicy }

        var isEmpty: Bool { !hasAnyPolicy && nodes.isEmpty }

        func find(_ policy: ArraySlice<UInt8>) -> Int? {
            if nodes.count < Self.indexedFrom { return nodes.firstIndex { $0.policy.elementsEqual(policy) } }
            return index[policy]
        }

        mutating func append(_ node: Node) {
            nodes.append(node)
            if nodes.count == Self.indexedFrom {
                for (position, node) in nodes.enumerated() { index[node.policy] = position }
            } else if nodes.count > Self.indexedFrom {
                index[node.policy] = nodes.count - 1
            }
        }

        mutating func remove(_ policy: ArraySlice<UInt8>) {
            guard let at = find(policy) else { return }
            nodes.remove(at: at)
            index = [:]
            if nodes.count >= Self.indexedFrom {
                for (position, node) in nodes.enumerated() { index[node.policy] = position }
            }
        }

        /// Whether some node here expects `policy`: answered by a scan, or by `expected` when given.
        func expects(_ policy: ArraySlice<UInt8>, expected: Set<ArraySlice<UInt8>>?) -> Bool {
            if let expected { return expected.contains(policy) }
            return nodes.contains { node in node.expected.contains { $0.elementsEqual(policy) } }
        }

        /// Every expected policy of the level as a set, when there are enough to be worth hashing.
        var expectedSet: Set<ArraySlice<UInt8>>? {
            var count = 0
            for node in nodes { count += node.expected.count }
            guard count >= Self.indexedFrom else { return nil }
            var set = Set<ArraySlice<UInt8>>(minimumCapacity: count)
            for node in nodes { for policy in node.expected { set.insert(policy) } }
            return set
        }
    }

    /// levels[0] holds the root: anyPolicy, expecting anyPolicy (§6.1.2 (a)).
    private(set) var levels: [Level] = [Level(hasAnyPolicy: true)]
    /// Nodes plus expected-set entries, the measure of the work the graph demands.
    private(set) var size = 1
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var deepest: Level { levels[levels.count - 1] }

    /// The error when the graph would pass its limit.
    private var exhausted: VerificationFailureReason { .searchBudgetExhausted(.policyGraphSize, size: limit, pathsTried: 0) }

    private mutating func grow(by amount: Int) throws(VerificationFailureReason) {
        size += amount
        if size > limit { throw exhausted }
    }

    /// §6.1.3 (d)(1)-(2) for the next certificate, as RFC 9618 §4 words them for the graph: a level of
    /// children for its certificatePolicies. `anyPolicyAllowed`: inhibit_anyPolicy > 0, or the
    /// certificate is a self-issued intermediate. Returns false when the new level is empty (the
    /// graph is then NULL, §6.1.3 (d)(3)).
    mutating func addLevel(policies: [PolicyInformation], anyPolicyAllowed: Bool) throws(VerificationFailureReason) -> Bool {
        let parents = deepest
        let expectedAbove = parents.expectedSet
        var level = Level()
        var anyPolicyListed = false
        // (1): each policy other than anyPolicy, under the nodes that expect it, else under anyPolicy.
        for information in policies {
            let policy = information.policyOID
            if policy.elementsEqual(PolicyInformation.anyPolicyOID) {
                anyPolicyListed = true
                continue
            }
            if parents.expects(policy, expected: expectedAbove) {
                level.append(Node(policy: policy, expected: [policy], parentIsAnyPolicy: false))
            } else if parents.hasAnyPolicy {
                level.append(Node(policy: policy, expected: [policy], parentIsAnyPolicy: true))
            } else {
                continue
            }
            try grow(by: 2)
        }
        // (2): anyPolicy stands for every policy expected above that no child has yet.
        if anyPolicyListed && anyPolicyAllowed {
            if parents.hasAnyPolicy {
                level.hasAnyPolicy = true
                try grow(by: 2)
            }
            for node in parents.nodes {
                for policy in node.expected where level.find(policy) == nil {
                    level.append(Node(policy: policy, expected: [policy], parentIsAnyPolicy: false))
                    try grow(by: 2)
                }
            }
        }
        levels.append(level)
        return !level.isEmpty
    }

    /// §6.1.4 (b) on the deepest level: with mapping allowed, each issuerDomainPolicy's node expects
    /// its subjectDomainPolicies (a node is made under anyPolicy when only anyPolicy stood for it);
    /// with mapping inhibited, the nodes of the mapped policies are deleted. `mappings` is grouped by
    /// issuerDomainPolicy, in first-appearance order. Returns false when the level is left empty.
    mutating func applyMappings(_ mappings: [(issuer: ArraySlice<UInt8>, subjects: [ArraySlice<UInt8>])],
                                mappingAllowed: Bool) throws(VerificationFailureReason) -> Bool {
        var level = levels[levels.count - 1]
        for mapping in mappings {
            if mappingAllowed {
                if let at = level.find(mapping.issuer) {
                    try grow(by: mapping.subjects.count - level.nodes[at].expected.count)
                    level.nodes[at].expected = mapping.subjects
                } else if level.hasAnyPolicy {
                    level.append(Node(policy: mapping.issuer, expected: mapping.subjects, parentIsAnyPolicy: true))
                    try grow(by: 1 + mapping.subjects.count)
                }
            } else {
                level.remove(mapping.issuer)
            }
        }
        levels[levels.count - 1] = level
        return !level.isEmpty
    }

    /// §6.1.5 (g): the user-constrained policy set, read off the graph without building the RFC's
    /// intersection. Policies are named in the trust anchor's domain, where the
    /// user-initial-policy-set (nil: any-policy) is written: each branch that reaches the deepest
    /// level is named by its first node other than anyPolicy (a node of the valid_policy_node_set),
    /// whatever it was mapped to below; the intersection keeps the branches whose name the user
    /// accepts. An anyPolicy node at the deepest level stands for every accepted policy. Nodes that
    /// reach no deepest node are pruned first (§6.1.3 (d)(3), done once here).
    func userConstrainedPolicies(initial: Set<ArraySlice<UInt8>>?) -> (anyPolicy: Bool, policies: [ArraySlice<UInt8>]) {
        let last = levels.count - 1
        // No certificate below the anchor: nothing narrowed the caller's set.
        guard last > 0 else {
            return initial.map { (false, $0.sorted { $0.lexicographicallyPrecedes($1) }) } ?? (true, [])
        }
        // Pruning: alive[k][j] when node j of level k has a descendant at the deepest level.
        var alive = levels.map { [Bool](repeating: false, count: $0.nodes.count) }
        alive[last] = [Bool](repeating: true, count: levels[last].nodes.count)
        for k in stride(from: last - 1, through: 1, by: -1) {
            let below = levels[k + 1]
            for (j, node) in levels[k].nodes.enumerated() {
                alive[k][j] = node.expected.contains { policy in
                    guard let child = below.find(policy) else { return false }
                    return alive[k + 1][child] && !below.nodes[child].parentIsAnyPolicy
                }
            }
        }
        let anyPolicyThroughout = levels[last].hasAnyPolicy
        if anyPolicyThroughout && initial == nil { return (true, []) }
        // A policy can head branches at several depths; it is named once. Few names are scanned,
        // many are hashed.
        var named: [ArraySlice<UInt8>] = []
        var namedSet: Set<ArraySlice<UInt8>>? = nil
        func isNamed(_ policy: ArraySlice<UInt8>) -> Bool {
            namedSet?.contains(policy) ?? named.contains { $0.elementsEqual(policy) }
        }
        func name(_ policy: ArraySlice<UInt8>) {
            named.append(policy)
            if namedSet != nil { namedSet!.insert(policy) } else if named.count >= 8 { namedSet = Set(named) }
        }
        for k in 1...last {
            for (j, node) in levels[k].nodes.enumerated() where node.parentIsAnyPolicy && alive[k][j] {
                if initial?.contains(node.policy) ?? true, !isNamed(node.policy) { name(node.policy) }
            }
        }
        if anyPolicyThroughout, let initial {
            let unnamed = initial.filter { !isNamed($0) }
            named += unnamed.sorted { $0.lexicographicallyPrecedes($1) }
        }
        return (false, named)
    }
}
