// `import CertoNIOSSL` gives the Certo types its API names (TrustStore, Policy, VerifiedChain,
// VerificationError) without a second import.
@_exported import Certo
