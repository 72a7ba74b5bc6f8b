// RFC 5280 §6.1 certificate-policy processing for one path: the state variables of §6.1.2 (a), (d),
// (e), (f) (valid_policy_tree, kept as a PolicyGraph, explicit_policy, inhibit_anyPolicy,
// policy_mapping) and the steps that update them, each named by its section. The Validator calls it
// for every certificate from the one the anchor issued (i = 1) to the leaf (i = n).

struct PolicyState {
    /// §6.1.2 (d): 0 when a valid policy is required from here on.
    private(set) var explicitPolicy: Int
    /// §6.1.2 (e): 0 when anyPolicy no longer stands for every policy.
    private(set) var inhibitAnyPolicy: Int
    /// §6.1.2 (f): 0 when policy mapping is no longer allowed.
    private(set) var policyMapping: Int
    /// §6.1.2 (a); nil once the tree is NULL.
    private var graph: PolicyGraph?
    private let initialPolicySet: Set<ArraySlice<UInt8>>?

    /// `n` is the number of certificates in the path without the trust anchor.
    init(certificates n: Int, inputs: CertificatePolicyInputs, limit: Int) {
        explicitPolicy = inputs.requireExplicitPolicy ? 0 : n + 1
        inhibitAnyPolicy = inputs.inhibitAnyPolicy ? 0 : n + 1
        policyMapping = inputs.inhibitPolicyMapping ? 0 : n + 1
        graph = PolicyGraph(limit: limit)
        initialPolicySet = inputs.userInitialPolicyOIDs
    }

    var isNull: Bool { graph == nil }

    /// §6.1.3 (d)-(f) for certificate i. `selfIssuedIntermediate`: i < n and the certificate is
    /// self-issued, which lets anyPolicy stand in even when inhibit_anyPolicy is 0 ((d)(2)).
    mutating func process(_ policies: [PolicyInformation]?, selfIssuedIntermediate: Bool) throws(VerificationFailureReason) {
        if var current = graph {
            if let policies {
                // (d)
                let nonEmpty = try current.addLevel(policies: policies, anyPolicyAllowed: inhibitAnyPolicy > 0 || selfIssuedIntermediate)
                graph = nonEmpty ? current : nil
            } else {
                // (e)
                graph = nil
            }
        }
        // (f)
        if explicitPolicy == 0 && graph == nil { throw .noValidPolicy }
    }

    /// §6.1.4 (a), (b), (h), (i), (j) for an intermediate, after `process`.
    mutating func prepareForNext(_ certificate: Certificate) throws(VerificationFailureReason) {
        let extensions = certificate.extensions
        // (a), (b)
        if let mappings = extensions.policyMappings {
            // Grouped by issuerDomainPolicy in first-appearance order, each pair once.
            var grouped: [(issuer: ArraySlice<UInt8>, subjects: [ArraySlice<UInt8>])] = []
            var groupIndex: [ArraySlice<UInt8>: Int] = [:]
            var seen = Set<[ArraySlice<UInt8>]>()
            for mapping in mappings {
                let issuer = mapping.issuerDomainPolicyOID, subject = mapping.subjectDomainPolicyOID
                guard !issuer.elementsEqual(PolicyInformation.anyPolicyOID), !subject.elementsEqual(PolicyInformation.anyPolicyOID) else {
                    throw .policyMappingOfAnyPolicy
                }
                guard seen.insert([issuer, subject]).inserted else { continue }
                if let at = groupIndex[issuer] {
                    grouped[at].subjects.append(subject)
                } else {
                    groupIndex[issuer] = grouped.count
                    grouped.append((issuer, [subject]))
                }
            }
            if var current = graph {
                let nonEmpty = try current.applyMappings(grouped, mappingAllowed: policyMapping > 0)
                graph = nonEmpty ? current : nil
            }
        }
        // (h): a certificate that is not self-issued counts against each skip count.
        if !certificate.isSelfIssued {
            if explicitPolicy > 0 { explicitPolicy -= 1 }
            if policyMapping > 0 { policyMapping -= 1 }
            if inhibitAnyPolicy > 0 { inhibitAnyPolicy -= 1 }
        }
        // (i)
        if let constraints = extensions.policyConstraints {
            if let required = constraints.requireExplicitPolicy, required < explicitPolicy { explicitPolicy = required }
            if let inhibit = constraints.inhibitPolicyMapping, inhibit < policyMapping { policyMapping = inhibit }
        }
        // (j)
        if let inhibit = extensions.inhibitAnyPolicy, inhibit < inhibitAnyPolicy { inhibitAnyPolicy = inhibit }
    }

    /// §6.1.5 (a), (b) and (g) for the leaf, after its `process`: the user-constrained policy set,
    /// or the failure when it is empty and explicit_policy has run out.
    mutating func wrapUp(_ leaf: Certificate) throws(VerificationFailureReason) -> CertificatePolicySet {
        // (a)
        if explicitPolicy > 0 { explicitPolicy -= 1 }
        // (b)
        if leaf.extensions.policyConstraints?.requireExplicitPolicy == 0 { explicitPolicy = 0 }
        // (g)
        let set: CertificatePolicySet
        if let graph {
            let (anyPolicy, policies) = graph.userConstrainedPolicies(initial: initialPolicySet)
            set = anyPolicy ? .anyPolicy : .policies(policies.map { ObjectIdentifierEncoding.dotted($0) })
        } else {
            set = .policies([])
        }
        if explicitPolicy == 0 && set == .policies([]) { throw .noValidPolicy }
        return set
    }
}
