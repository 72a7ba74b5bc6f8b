#!/usr/bin/env python3
"""Builds the certificate-profile chains that Tests/CertoTests/ProfileRuleTests.swift verifies.

Usage: make-profile-chains.py OUTDIR

Writes OUTDIR/<case>/ for every case: root.pem (the trust anchor), untrusted.pem (the intermediates,
possibly empty), leaf.pem and case.json:

  profile        "web" (Policy.profile .webPKI) or "rfc5280"
  host           the name or IP checked against the leaf (null: no identity check)
  time, time_ns  the validation time (Unix seconds, nanoseconds)
  expect         "ok", or the VerificationFailureReason name; "a|b" accepts either
  depth          the depth of the certificate at fault (0 = leaf); null for "ok"
  partial_chain  Policy.partialChain
  allow_weak_rsa Policy.allowWeakRSA
  rule           why the chain is wrong (or right), with the RFC 5280 / CA/B Forum BR section
  twin           for a violation: the case that is the same chain without the defect (expects "ok")
  max_seconds    (optional) the verification must end within this many seconds

Every case is one defect away from a chain that verifies under both profiles (the "baseline"), and
every violation names its compliant twin, so a verifier that refused everything would fail the twins.
Keys are fresh on every run (P-256 unless a case needs RSA or another curve), dates and the validation
time are fixed. Test-only: Python's `cryptography` is a generator here, never part of the product.
Names are from RFC 2606 / RFC 5737 / RFC 3849 example ranges; "Certo Test" is fictional.
"""
import base64
import datetime
import ipaddress
import json
import os
import secrets
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

UTC = datetime.timezone.utc
AT = 1780272000  # 2026-06-01T00:00:00Z, the validation time of every case unless it is about time
ROOT_VALIDITY = (datetime.datetime(2024, 1, 1, tzinfo=UTC), datetime.datetime(2044, 1, 1, tzinfo=UTC))
INTERMEDIATE_VALIDITY = (datetime.datetime(2025, 1, 1, tzinfo=UTC), datetime.datetime(2035, 1, 1, tzinfo=UTC))
LEAF_VALIDITY = (datetime.datetime(2026, 1, 1, tzinfo=UTC), datetime.datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC))
HOST = "www.example.com"


# ---------------------------------------------------------------------------------------------- keys

def new_key(kind):
    if kind == "p256":
        return ec.generate_private_key(ec.SECP256R1())
    if kind == "p192":
        return ec.generate_private_key(ec.SECP192R1())
    if kind.startswith("rsa"):
        return rsa.generate_private_key(public_exponent=65537, key_size=int(kind[3:]))
    raise ValueError(kind)


def sign_bytes(key, data):
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    return key.sign(data, ec.ECDSA(hashes.SHA256()))


def ski_of(key):
    return x509.SubjectKeyIdentifier.from_public_key(key.public_key()).digest


# ----------------------------------------------------------------------------------------------- DER

def der_length(n):
    if n < 0x80:
        return bytes([n])
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag, content):
    return bytes([tag]) + der_length(len(content)) + content


def read_tlv(buf, i):
    """(start of element, start of content, end) of the element at i."""
    start = i
    i += 1
    length = buf[i]
    i += 1
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(buf[i:i + count], "big")
        i += count
    return start, i, i + length


def children(der):
    _, content, end = read_tlv(der, 0)
    out, i = [], content
    while i < end:
        start, _, stop = read_tlv(der, i)
        out.append(der[start:stop])
        i = stop
    return out


def resign(der, key, patch_tbs):
    """The certificate `der` with its tbsCertificate rewritten by patch_tbs and signed again with key."""
    tbs, algorithm, _ = children(der)
    tbs = patch_tbs(tbs)
    signature = tlv(0x03, b"\x00" + sign_bytes(key, tbs))
    return tlv(0x30, tbs + algorithm + signature)


def replace_serial(content):
    def patch(tbs):
        parts = children(tbs)
        assert parts[0][0] == 0xA0 and parts[1][0] == 0x02
        parts[1] = tlv(0x02, content)
        return tlv(0x30, b"".join(parts))
    return patch


def pem(der):
    text = base64.b64encode(der).decode()
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----\n"


# ------------------------------------------------------------------------------------ certificates

def name(cn=None, org="Certo Test"):
    attributes = []
    if org is not None:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    if cn is not None:
        attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attributes)


def key_usage(*bits):
    flags = dict(digital_signature=False, content_commitment=False, key_encipherment=False, data_encipherment=False,
                 key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False)
    for bit in bits:
        flags[bit] = True
    return x509.KeyUsage(**flags)


def eku(*oids):
    return x509.ExtendedKeyUsage(list(oids) or [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH])


def san(*entries):
    """DNS names as str; IPs as ipaddress objects."""
    general = []
    for entry in entries:
        if isinstance(entry, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
            general.append(x509.IPAddress(entry))
        else:
            general.append(x509.DNSName(entry))
    return x509.SubjectAlternativeName(general)


def name_constraints(permitted=None, excluded=None):
    def subtrees(names):
        return None if names is None else [x509.DNSName(n) for n in names]
    return x509.NameConstraints(permitted_subtrees=subtrees(permitted), excluded_subtrees=subtrees(excluded))


def aia(path):
    return x509.AuthorityInformationAccess([
        x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier(f"http://crt.example.com/{path}.cer")),
    ])


# Computed extension values: resolved when the certificate is issued, from its own key and its issuer.
SKI = "ski"                       # SubjectKeyIdentifier of the certificate's own key
AKI = "aki"                       # keyIdentifier = the issuer's SKI
AKI_ISSUER_SERIAL = "aki-is"      # authorityCertIssuer + serial only, no keyIdentifier
AKI_FULL = "aki-full"             # keyIdentifier + authorityCertIssuer + serial
AKI_RANDOM = "aki-random"         # a keyIdentifier that is nobody's


class Spec:
    """One certificate to issue: subject, key, extensions in order (name -> [value, critical]), serial, dates."""

    def __init__(self, role, subject, exts, validity, key="p256"):
        self.role = role
        self.subject = subject
        self.exts = exts
        self.not_before, self.not_after = validity
        self.key = new_key(key)
        self.serial = x509.random_serial_number()
        self.serial_content = None   # raw INTEGER content octets to patch in (what cryptography refuses)
        self.issuer_name = None      # override of the issuer's subject
        self.sign_with = None        # override of the issuer's key
        self.tbs_patch = None        # a last rewrite of the tbsCertificate (what cryptography refuses to build)
        self.der = None

    def set_key(self, kind):
        self.key = new_key(kind)

    def critical(self, ext, flag=True):
        self.exts[ext][1] = flag

    def drop(self, ext):
        del self.exts[ext]

    def put(self, ext, value, critical=False):
        self.exts[ext] = [value, critical]


def resolve(value, spec, issuer):
    if value == SKI:
        return x509.SubjectKeyIdentifier(ski_of(spec.key))
    if value == AKI:
        return x509.AuthorityKeyIdentifier(ski_of(issuer.key), None, None)
    if value == AKI_ISSUER_SERIAL:
        return x509.AuthorityKeyIdentifier(None, [x509.DirectoryName(issuer.subject)], issuer.serial)
    if value == AKI_FULL:
        return x509.AuthorityKeyIdentifier(ski_of(issuer.key), [x509.DirectoryName(issuer.subject)], issuer.serial)
    if value == AKI_RANDOM:
        return x509.AuthorityKeyIdentifier(secrets.token_bytes(20), None, None)
    return value


def issue(spec, issuer):
    """Signs spec with issuer (None: self-signed); stores the DER in spec.der."""
    issuer = issuer or spec
    builder = (x509.CertificateBuilder()
               .subject_name(spec.subject)
               .issuer_name(spec.issuer_name if spec.issuer_name is not None else issuer.subject)
               .public_key(spec.key.public_key())
               .serial_number(spec.serial)
               .not_valid_before(spec.not_before)
               .not_valid_after(spec.not_after))
    for value, critical in spec.exts.values():
        builder = builder.add_extension(resolve(value, spec, issuer), critical=critical)
    signer = spec.sign_with or issuer.key
    der = builder.sign(signer, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
    if spec.serial_content is not None:
        der = resign(der, signer, replace_serial(spec.serial_content))
    if spec.tbs_patch is not None:
        der = resign(der, signer, spec.tbs_patch)
    spec.der = der


def baseline():
    """The compliant chain: trusted root <- intermediate <- leaf, valid under the web and RFC 5280 profiles."""
    root = Spec("root", name("Certo Profile Root"), {
        "bc": [x509.BasicConstraints(ca=True, path_length=None), True],
        "ku": [key_usage("key_cert_sign", "crl_sign"), True],
        "ski": [SKI, False],
        "aki": [AKI, False],  # BR §7.1.2.1.3: in a root, only a keyIdentifier equal to the SKI
    }, ROOT_VALIDITY)
    intermediate = Spec("intermediate", name("Certo Profile Intermediate"), {
        "bc": [x509.BasicConstraints(ca=True, path_length=0), True],
        "ku": [key_usage("digital_signature", "key_cert_sign", "crl_sign"), True],
        "eku": [eku(), False],
        "ski": [SKI, False],
        "aki": [AKI, False],
        "aia": [aia("root"), False],
    }, INTERMEDIATE_VALIDITY)
    leaf = Spec("leaf", name(HOST), {
        "ku": [key_usage("digital_signature"), True],
        "eku": [eku(), False],
        "aki": [AKI, False],
        "aia": [aia("intermediate"), False],
        "san": [san(HOST, "example.com"), False],
    }, LEAF_VALIDITY)
    return root, intermediate, leaf


# -------------------------------------------------------------------------------------------- cases

CASES = []


def case(name, profile, expect, depth, rule, mutate=None, host=HOST, twin=None, time=AT, time_ns=0,
         partial_chain=False, allow_weak_rsa=False, max_seconds=None, shape="three"):
    CASES.append(dict(name=name, profile=profile, expect=expect, depth=depth, rule=rule, mutate=mutate, host=host,
                      twin=twin, time=time, time_ns=time_ns, partial_chain=partial_chain,
                      allow_weak_rsa=allow_weak_rsa, max_seconds=max_seconds, shape=shape))


def both(name, expect, depth, rule, mutate=None, twin=None, **options):
    """The same chain under both profiles, expecting the same result."""
    for profile in ("web", "rfc5280"):
        case(f"{profile}-{name}", profile, expect, depth, rule, mutate,
             twin=(f"{profile}-{twin}" if twin and not twin.startswith(("web-", "rfc5280-")) else twin), **options)


def leaf_with(**changes):
    """A mutator touching only the leaf: ext=value|None(drop)|"critical"|"noncritical"."""
    def mutate(root, intermediate, leaf):
        apply(leaf, changes)
    return mutate


def intermediate_with(**changes):
    def mutate(root, intermediate, leaf):
        apply(intermediate, changes)
    return mutate


def root_with(**changes):
    def mutate(root, intermediate, leaf):
        apply(root, changes)
    return mutate


def apply(spec, changes):
    for ext, change in changes.items():
        if change is None:
            spec.drop(ext)
        elif change == "critical":
            spec.critical(ext, True)
        elif change == "noncritical":
            spec.critical(ext, False)
        elif isinstance(change, tuple):
            spec.put(ext, change[0], change[1])
        else:
            spec.put(ext, change, spec.exts.get(ext, [None, False])[1])


# Baselines.
both("baseline", "ok", None, "compliant chain: root (BC, KU critical; SKI; AKI = SKI) <- intermediate <- leaf (KU, EKU, AKI, AIA, SAN)")

# --- extensionMustNotBeCritical -------------------------------------------------------------------
both("leaf-aki-critical", "extensionMustNotBeCritical", 0,
     "RFC 5280 §4.2.1.1: conforming CAs MUST mark authorityKeyIdentifier non-critical", leaf_with(aki="critical"),
     twin="baseline")
both("intermediate-aki-critical", "extensionMustNotBeCritical", 1,
     "RFC 5280 §4.2.1.1: authorityKeyIdentifier MUST be non-critical", intermediate_with(aki="critical"), twin="baseline")
both("intermediate-ski-critical", "extensionMustNotBeCritical", 1,
     "RFC 5280 §4.2.1.2: conforming CAs MUST mark subjectKeyIdentifier non-critical", intermediate_with(ski="critical"),
     twin="baseline")
case("web-root-ski-critical", "web", "extensionMustNotBeCritical", 2,
     "RFC 5280 §4.2.1.2: subjectKeyIdentifier MUST be non-critical (the web profile judges the trusted root too)",
     root_with(ski="critical"), twin="rfc5280-root-ski-critical")
case("rfc5280-root-ski-critical", "rfc5280", "ok", None,
     "RFC 5280 §6.1 takes the trust anchor as a name and a key: its certificate's profile is not judged",
     root_with(ski="critical"))
both("leaf-aia-critical", "extensionMustNotBeCritical", 0,
     "RFC 5280 §4.2.2.1: conforming CAs MUST mark authorityInfoAccess non-critical", leaf_with(aia="critical"),
     twin="baseline")
both("intermediate-aia-critical", "extensionMustNotBeCritical", 1,
     "RFC 5280 §4.2.2.1: authorityInfoAccess MUST be non-critical (intermediate)", intermediate_with(aia="critical"),
     twin="baseline")
case("web-root-aki-critical", "web", "extensionMustNotBeCritical", 2,
     "RFC 5280 §4.2.1.1: authorityKeyIdentifier MUST be non-critical (the web profile judges the trusted root too)",
     root_with(aki="critical"), twin="rfc5280-root-aki-critical")
case("rfc5280-root-aki-critical", "rfc5280", "ok", None,
     "RFC 5280 §6.1 takes the trust anchor as a name and a key: its certificate's profile is not judged",
     root_with(aki="critical"))
case("web-leaf-eku-critical", "web", "extensionMustNotBeCritical", 0,
     "BR §7.1.2.7.10: a subscriber certificate's extKeyUsage MUST NOT be critical", leaf_with(eku="critical"),
     twin="rfc5280-leaf-eku-critical")
case("rfc5280-leaf-eku-critical", "rfc5280", "ok", None,
     "RFC 5280 §4.2.1.12 lets extKeyUsage be critical or not", leaf_with(eku="critical"))
case("web-leaf-san-critical", "web", "extensionMustNotBeCritical", 0,
     "BR §7.1.2.7.12: subjectAltName MUST NOT be critical when the subject is not empty", leaf_with(san="critical"),
     twin="rfc5280-leaf-san-critical")
case("rfc5280-leaf-san-critical", "rfc5280", "ok", None,
     "RFC 5280 §4.2.1.6: subjectAltName SHOULD be non-critical with a non-empty subject (not a MUST)",
     leaf_with(san="critical"))

# --- extensionMustBeCritical -----------------------------------------------------------------------
POLICY_CONSTRAINTS = x509.PolicyConstraints(require_explicit_policy=None, inhibit_policy_mapping=0)
case("web-intermediate-policyconstraints-noncritical", "web", "extensionMustBeCritical", 1,
     "RFC 5280 §4.2.1.11: conforming CAs MUST mark policyConstraints critical; the web profile holds CAs to it",
     intermediate_with(pc=(POLICY_CONSTRAINTS, False)), twin="web-intermediate-policyconstraints-critical")
case("rfc5280-intermediate-policyconstraints-noncritical", "rfc5280", "ok", None,
     "RFC 5280 alone processes a non-critical policyConstraints (§6.1.4 (i)), as PKITS 4.8-4.12 expect",
     intermediate_with(pc=(POLICY_CONSTRAINTS, False)))
both("intermediate-policyconstraints-critical", "ok", None,
     "a critical policyConstraints (inhibitPolicyMapping 0) is processed (§6.1.4 (i)); the chain maps no policy",
     intermediate_with(pc=(POLICY_CONSTRAINTS, True)))
# --- certificatePolicies qualifiers (RFC 5280 §4.2.1.4) -----------------------------------------------
def raw_policies(qualifiers_der):
    """certificatePolicies with one policy (2.23.140.1.2.1) carrying the given PolicyQualifierInfo DERs."""
    def tlv(tag, content):
        n = len(content)
        return bytes([tag]) + (bytes([n]) if n < 0x80 else bytes([0x81, n])) + content
    oid = tlv(0x06, bytes([0x67, 0x81, 0x0c, 0x01, 0x02, 0x01]))
    info = tlv(0x30, oid + tlv(0x30, b"".join(qualifiers_der)))
    return x509.UnrecognizedExtension(x509.ObjectIdentifier("2.5.29.32"), tlv(0x30, info))


def qualifier(oid_content, value):
    def tlv(tag, content):
        return bytes([tag, len(content)]) + content
    return tlv(0x30, tlv(0x06, oid_content) + value)


CPS = bytes([0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x01])
UNOTICE = bytes([0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02])
CPS_URI = qualifier(CPS, bytes([0x16, 0x13]) + b"https://example.com")
NOTICE = qualifier(UNOTICE, bytes([0x30, 0x0c, 0x0c, 0x0a]) + b"for tests!")
both("intermediate-critical-policies-cps-and-notice", "ok", None,
     "a critical certificatePolicies whose qualifiers are a CPS pointer and a user notice, both well-formed (§4.2.1.4)",
     intermediate_with(cp=(raw_policies([CPS_URI, NOTICE]), True)))
both("intermediate-critical-policies-unknown-qualifier", "unhandledCriticalExtension", 1,
     "§4.2.1.4: a critical certificatePolicies with a qualifier Certo does not understand is refused",
     intermediate_with(cp=(raw_policies([qualifier(bytes([0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x09]), bytes([0x05, 0x00]))]), True)),
     twin="intermediate-critical-policies-cps-and-notice")
both("intermediate-critical-policies-malformed-notice", "unhandledCriticalExtension", 1,
     "§4.2.1.4: a user notice whose explicitText is a PrintableString is no DisplayText, so the critical extension is not understood",
     intermediate_with(cp=(raw_policies([qualifier(UNOTICE, bytes([0x30, 0x05, 0x13, 0x03]) + b"abc")]), True)),
     twin="intermediate-critical-policies-cps-and-notice")
both("intermediate-noncritical-policies-malformed-notice", "ok", None,
     "the same malformed user notice in a non-critical certificatePolicies: its qualifiers need not be understood",
     intermediate_with(cp=(raw_policies([qualifier(UNOTICE, bytes([0x30, 0x05, 0x13, 0x03]) + b"abc")]), False)))

NC_EXAMPLE = name_constraints(permitted=["example.com"])
case("rfc5280-intermediate-nc-noncritical", "rfc5280", "extensionMustBeCritical", 1,
     "RFC 5280 §4.2.1.10: conforming CAs MUST mark nameConstraints critical",
     intermediate_with(nc=(NC_EXAMPLE, False)), twin="rfc5280-intermediate-nc-critical")
case("rfc5280-intermediate-nc-critical", "rfc5280", "ok", None, "critical nameConstraints permitting example.com",
     intermediate_with(nc=(NC_EXAMPLE, True)))
case("web-intermediate-nc-noncritical", "web", "ok", None,
     "BR §7.1.2.10.8 allows a non-critical nameConstraints (compatibility); the web profile accepts it",
     intermediate_with(nc=(NC_EXAMPLE, False)))
case("web-intermediate-bc-noncritical", "web", "extensionMustBeCritical", 1,
     "BR §7.1.2.10.4 (subordinate CA): basicConstraints MUST be critical", intermediate_with(bc="noncritical"),
     twin="rfc5280-intermediate-bc-noncritical")
case("rfc5280-intermediate-bc-noncritical", "rfc5280", "ok", None,
     "RFC 5280 path validation accepts a non-critical basicConstraints in an intermediate (PKITS 4.6.4)",
     intermediate_with(bc="noncritical"))
case("web-root-bc-noncritical", "web", "extensionMustBeCritical", 2,
     "BR §7.1.2.1.4 (root CA): basicConstraints MUST be critical", root_with(bc="noncritical"),
     twin="rfc5280-root-bc-noncritical")
case("rfc5280-root-bc-noncritical", "rfc5280", "ok", None,
     "RFC 5280 §6.1 does not process the trust anchor's extension criticality", root_with(bc="noncritical"))


def empty_subject_leaf(san_critical):
    def mutate(root, intermediate, leaf):
        leaf.subject = x509.Name([])
        leaf.critical("san", san_critical)
    return mutate


both("leaf-empty-subject-san-noncritical", "extensionMustBeCritical", 0,
     "RFC 5280 §4.2.1.6: with an empty subject, subjectAltName MUST be critical",
     empty_subject_leaf(False), twin="leaf-empty-subject-san-critical")
both("leaf-empty-subject-san-critical", "ok", None,
     "RFC 5280 §4.1.2.6 / §4.2.1.6: an empty subject with a critical subjectAltName", empty_subject_leaf(True))

# --- extensionMissing ------------------------------------------------------------------------------
for label, depth, mutate, rule in [
    ("leaf-no-eku", 0, leaf_with(eku=None), "BR §7.1.2.7.10: a subscriber certificate MUST carry extKeyUsage"),
    ("leaf-no-aki", 0, leaf_with(aki=None), "RFC 5280 §4.2.1.1 / BR §7.1.2.7.5: authorityKeyIdentifier MUST be present"),
    ("intermediate-no-aki", 1, intermediate_with(aki=None),
     "RFC 5280 §4.2.1.1 / BR §7.1.2.10.5: authorityKeyIdentifier MUST be present in a subordinate CA"),
    ("intermediate-no-ski", 1, intermediate_with(ski=None),
     "RFC 5280 §4.2.1.2: conforming CAs MUST include subjectKeyIdentifier in all CA certificates"),
    ("root-no-ski", 2, root_with(ski=None, aki=None),
     "RFC 5280 §4.2.1.2: conforming CAs MUST include subjectKeyIdentifier in all CA certificates (root without SKI, and so without AKI)"),
]:
    case(f"web-{label}", "web", "extensionMissing", depth, rule, mutate, twin=f"rfc5280-{label}")
    case(f"rfc5280-{label}", "rfc5280", "ok", None, "accepted by RFC 5280 path validation (twin of the web case)", mutate)

# --- extensionNotAllowed ---------------------------------------------------------------------------
both("leaf-nameconstraints", "extensionNotAllowed", 0,
     "RFC 5280 §4.2.1.10: nameConstraints MUST be used only in a CA certificate",
     leaf_with(nc=(NC_EXAMPLE, True)), twin="baseline")
case("web-root-eku", "web", "extensionNotAllowed", 2, "BR §7.1.2.1.2: a root CA certificate MUST NOT carry extKeyUsage",
     root_with(eku=(eku(ExtendedKeyUsageOID.SERVER_AUTH), False)), twin="rfc5280-root-eku")
case("rfc5280-root-eku", "rfc5280", "ok", None, "RFC 5280 does not forbid extKeyUsage in a trust anchor",
     root_with(eku=(eku(ExtendedKeyUsageOID.SERVER_AUTH), False)))

# --- invalidAuthorityKeyIdentifier -----------------------------------------------------------------
case("web-root-aki-with-issuer-serial", "web", "invalidAuthorityKeyIdentifier", 2,
     "BR §7.1.2.1.3: a root's authorityKeyIdentifier MUST NOT carry authorityCertIssuer / authorityCertSerialNumber",
     root_with(aki=AKI_FULL), twin="rfc5280-root-aki-with-issuer-serial")
case("rfc5280-root-aki-with-issuer-serial", "rfc5280", "ok", None,
     "RFC 5280 §4.2.1.1 allows authorityCertIssuer + serial beside the keyIdentifier", root_with(aki=AKI_FULL))
case("web-root-aki-without-keyid", "web", "invalidAuthorityKeyIdentifier", 2,
     "BR §7.1.2.1.3: a root's authorityKeyIdentifier, if present, MUST be a keyIdentifier (here issuer + serial only)",
     root_with(aki=AKI_ISSUER_SERIAL), twin="web-root-no-aki")
case("web-root-aki-keyid-not-ski", "web", "invalidAuthorityKeyIdentifier", 2,
     "BR §7.1.2.1.3: a self-signed root's AKI keyIdentifier MUST equal its subjectKeyIdentifier",
     root_with(aki=AKI_RANDOM), twin="web-root-no-aki")
case("web-root-no-aki", "web", "ok", None, "BR §7.1.2.1.3 / RFC 5280 §4.2.1.1: a self-signed root MAY omit the AKI",
     root_with(aki=None))
case("web-intermediate-aki-without-keyid", "web", "invalidAuthorityKeyIdentifier", 1,
     "RFC 5280 §4.2.1.1 / BR §7.1.2.11.1: the AKI of a non-self-signed certificate MUST carry keyIdentifier",
     intermediate_with(aki=AKI_ISSUER_SERIAL), twin="web-baseline")
case("web-leaf-aki-without-keyid", "web", "invalidAuthorityKeyIdentifier", 0,
     "RFC 5280 §4.2.1.1 / BR §7.1.2.11.1: the AKI of a non-self-signed certificate MUST carry keyIdentifier",
     leaf_with(aki=AKI_ISSUER_SERIAL), twin="web-baseline")

# --- caCertificateAsLeaf ---------------------------------------------------------------------------
case("web-leaf-ca-true", "web", "caCertificateAsLeaf", 0,
     "BR §7.1.2.7.8: a subscriber certificate's basicConstraints cA MUST be FALSE (leaf has cA=TRUE, KU digitalSignature, EKU serverAuth)",
     leaf_with(bc=(x509.BasicConstraints(ca=True, path_length=None), True)), twin="web-leaf-ca-false")
case("web-leaf-ca-false", "web", "ok", None, "BR §7.1.2.7.8: basicConstraints cA=FALSE, critical, in the leaf",
     leaf_with(bc=(x509.BasicConstraints(ca=False, path_length=None), True)))
case("rfc5280-leaf-ca-true", "rfc5280", "ok", None,
     "RFC 5280 lets a CA certificate be the target: cA=TRUE, keyUsage digitalSignature, no extKeyUsage",
     leaf_with(bc=(x509.BasicConstraints(ca=True, path_length=None), True), eku=None))

# --- inconsistentKeyUsage --------------------------------------------------------------------------
both("leaf-keycertsign-without-ca", "inconsistentKeyUsage", 0,
     "RFC 5280 §4.2.1.3 / §4.2.1.9: keyCertSign asserted while basicConstraints cA is not",
     leaf_with(ku=key_usage("digital_signature", "key_cert_sign")), twin="baseline")
case("web-leaf-ca-true-keycertsign", "web", "caCertificateAsLeaf|inconsistentKeyUsage", 0,
     "BR §7.1.2.7.11 / §7.1.2.7.8: a subscriber certificate MUST NOT assert keyCertSign nor cA",
     leaf_with(bc=(x509.BasicConstraints(ca=True, path_length=None), True),
               ku=key_usage("digital_signature", "key_cert_sign")), twin="web-baseline")
case("web-root-ku-without-keycertsign", "web", "inconsistentKeyUsage", 2,
     "BR §7.1.2.1.4 / RFC 5280 §4.2.1.3: a root's keyUsage MUST assert keyCertSign",
     root_with(ku=key_usage("digital_signature", "crl_sign")), twin="rfc5280-root-ku-without-keycertsign")
case("rfc5280-root-ku-without-keycertsign", "rfc5280", "ok", None,
     "RFC 5280 §6.1 takes the trust anchor as given: its keyUsage is not processed",
     root_with(ku=key_usage("digital_signature", "crl_sign")))


# --- keys ------------------------------------------------------------------------------------------
def leaf_key(kind):
    def mutate(root, intermediate, leaf):
        leaf.set_key(kind)
        if kind.startswith("rsa"):
            leaf.put("ku", key_usage("digital_signature", "key_encipherment"), True)
    return mutate


def off_curve_point(tbs):
    """The tbsCertificate with its P-256 public point moved off the curve (Y's last bit flipped)."""
    parts = children(tbs)
    spki_index = 6 if parts[0][0] == 0xA0 else 5
    algorithm, bit_string = children(parts[spki_index])
    _, content, end = read_tlv(bit_string, 0)
    point = bytearray(bit_string[content + 1:end])
    assert point[0] == 0x04 and len(point) == 65
    point[-1] ^= 0x01
    parts[spki_index] = tlv(0x30, algorithm + tlv(0x03, b"\x00" + bytes(point)))
    return tlv(0x30, b"".join(parts))


def leaf_point_off_curve(root, intermediate, leaf):
    leaf.tbs_patch = off_curve_point


def root_key(kind):
    def mutate(root, intermediate, leaf):
        root.set_key(kind)
    return mutate


case("web-leaf-rsa2052", "web", "forbiddenKey", 0,
     "BR §6.1.5: an RSA modulus MUST be a multiple of 8 bits (leaf RSA-2052)", leaf_key("rsa2052"),
     twin="rfc5280-leaf-rsa2052")
case("rfc5280-leaf-rsa2052", "rfc5280", "ok", None, "RFC 5280 has no modulus-size rule (2052 >= 2048)", leaf_key("rsa2052"))
case("web-leaf-rsa2048", "web", "ok", None, "BR §6.1.5: RSA-2048 leaf", leaf_key("rsa2048"))
case("web-leaf-p192", "web", "forbiddenKey", 0, "BR §6.1.5: ECDSA keys MUST be P-256, P-384 or P-521 (leaf P-192)",
     leaf_key("p192"), twin="web-baseline")
both("leaf-ec-point-off-curve", "invalidPublicKey", 0,
     "RFC 5280 §4.1.2.7, SEC 1 §3.2.2.1: the leaf's own EC public key must be a point on its curve",
     leaf_point_off_curve, twin="baseline")
case("web-root-rsa2052", "web", "forbiddenKey", 2,
     "BR §6.1.5: an RSA modulus MUST be a multiple of 8 bits (trusted root RSA-2052)", root_key("rsa2052"),
     twin="rfc5280-root-rsa2052")
case("rfc5280-root-rsa2052", "rfc5280", "ok", None, "RFC 5280: an RSA-2052 root signs fine", root_key("rsa2052"))
case("web-root-rsa2048", "web", "ok", None, "BR §6.1.5: RSA-2048 root", root_key("rsa2048"))
both("leaf-rsa1024", "weakRSAKey", 0, "BR §6.1.5 / Certo's default: RSA keys shorter than 2048 bits are refused",
     leaf_key("rsa1024"), twin="rfc5280-leaf-rsa1024-allowed")
case("rfc5280-leaf-rsa1024-allowed", "rfc5280", "ok", None, "Policy.allowWeakRSA accepts the RSA-1024 leaf",
     leaf_key("rsa1024"), allow_weak_rsa=True)


# --- emptySubject ----------------------------------------------------------------------------------
def empty_intermediate(root, intermediate, leaf):
    intermediate.subject = x509.Name([])


def empty_leaf_no_san(root, intermediate, leaf):
    leaf.subject = x509.Name([])
    leaf.drop("san")


both("intermediate-empty-subject", "emptySubject", 1,
     "RFC 5280 §4.1.2.6: a CA certificate's subject MUST be a non-empty distinguished name", empty_intermediate,
     twin="baseline")
both("leaf-empty-subject-no-san", "emptySubject", 0,
     "RFC 5280 §4.1.2.6: an empty subject requires a (critical) subjectAltName; this leaf has neither (no host checked)",
     empty_leaf_no_san, twin="leaf-empty-subject-san-critical", host=None)


# --- invalidSerialNumber ---------------------------------------------------------------------------
def leaf_serial(content):
    def mutate(root, intermediate, leaf):
        leaf.serial_content = content
    return mutate


case("web-leaf-serial-zero", "web", "invalidSerialNumber", 0,
     "RFC 5280 §4.1.2.2 / BR §7.1: the serial number MUST be a positive integer (leaf serial 0)",
     leaf_serial(b"\x00"), twin="web-leaf-serial-20-octets")
case("web-leaf-serial-21-octets", "web", "invalidSerialNumber", 0,
     "RFC 5280 §4.1.2.2: serial numbers MUST NOT be longer than 20 octets (leaf serial of 21 octets)",
     leaf_serial(b"\x01" + secrets.token_bytes(20)), twin="web-leaf-serial-20-octets")
case("web-leaf-serial-negative", "web", "invalidSerialNumber", 0,
     "RFC 5280 §4.1.2.2: the serial number MUST be positive (leaf serial -255)",
     leaf_serial(b"\xff\x01"), twin="web-leaf-serial-20-octets")
case("web-leaf-serial-20-octets", "web", "ok", None, "RFC 5280 §4.1.2.2: a 20-octet positive serial is the longest allowed",
     leaf_serial(b"\x7f" + secrets.token_bytes(19)))


# --- malformedName ---------------------------------------------------------------------------------
def leaf_sans(*entries, cn=HOST):
    def mutate(root, intermediate, leaf):
        leaf.subject = name(cn)
        leaf.put("san", san(*entries), False)
    return mutate


for label, bad in [("underscore", "foo_bar.example.com"), ("empty-label", "foo..example.com"),
                   ("leading-dot", ".example.com"), ("two-wildcards", "*.*.example.com"),
                   ("partial-wildcard", "f*o.example.com")]:
    case(f"web-leaf-san-{label}", "web", "malformedName", 0,
         f"BR §7.1.2.7.12 / RFC 5280 §4.2.1.6: dNSName {bad!r} is not in the preferred name syntax",
         leaf_sans(HOST, bad), twin="web-leaf-san-wildcard")
case("rfc5280-leaf-san-underscore", "rfc5280", "ok", None,
     "RFC 5280 alone: an underscore dNSName that is not the host being checked is accepted",
     leaf_sans(HOST, "foo_bar.example.com"))
case("web-leaf-san-wildcard", "web", "ok", None, "BR §7.1.2.7.12: a leftmost-label wildcard is well-formed",
     leaf_sans(HOST, "*.example.com"))

# --- commonNameNotInSubjectAltName ---------------------------------------------------------------------
V4 = ipaddress.IPv4Address("192.0.2.1")
V6 = ipaddress.IPv6Address("2001:db8::1")
case("web-leaf-cn-not-in-san", "web", "commonNameNotInSubjectAltName", 0,
     "BR §7.1.4.3: the commonName MUST be one of the subjectAltName entries (CN www.example.com, SAN example.com)",
     leaf_sans("example.com", cn="www.example.com"), host="example.com", twin="web-leaf-cn-in-san")
case("rfc5280-leaf-cn-not-in-san", "rfc5280", "ok", None,
     "RFC 5280 has no rule tying the commonName to the subjectAltName", leaf_sans("example.com", cn="www.example.com"),
     host="example.com")
case("web-leaf-cn-case-differs", "web", "commonNameNotInSubjectAltName", 0,
     "BR §7.1.4.3: the commonName must match a SAN entry textually (CN Example.com, SAN example.com)",
     leaf_sans("example.com", cn="Example.com"), host="example.com", twin="web-leaf-cn-in-san")
case("web-leaf-cn-in-san", "web", "ok", None, "BR §7.1.4.3: CN example.com, SAN example.com",
     leaf_sans("example.com", cn="example.com"), host="example.com")
case("web-leaf-cn-ipv4-not-canonical", "web", "commonNameNotInSubjectAltName", 0,
     "BR §7.1.4.3: an IPv4 commonName MUST be the dotted-quad text of an iPAddress SAN (CN 192.0.2.01)",
     leaf_sans(V4, cn="192.0.2.01"), host="192.0.2.1", twin="web-leaf-cn-ipv4")
case("web-leaf-cn-ipv4", "web", "ok", None, "BR §7.1.4.3: CN 192.0.2.1 with iPAddress SAN 192.0.2.1",
     leaf_sans(V4, cn="192.0.2.1"), host="192.0.2.1")
case("web-leaf-cn-ipv6-upper-case", "web", "commonNameNotInSubjectAltName", 0,
     "BR §7.1.4.3 / RFC 5952 §4.3: an IPv6 commonName MUST be lower-case compressed text (CN 2001:DB8::1)",
     leaf_sans(V6, cn="2001:DB8::1"), host="2001:db8::1", twin="web-leaf-cn-ipv6")
case("web-leaf-cn-ipv6-uncompressed", "web", "commonNameNotInSubjectAltName", 0,
     "BR §7.1.4.3 / RFC 5952 §4.2: an IPv6 commonName MUST be compressed (CN 2001:db8:0:0:0:0:0:1)",
     leaf_sans(V6, cn="2001:db8:0:0:0:0:0:1"), host="2001:db8::1", twin="web-leaf-cn-ipv6")
case("web-leaf-cn-ipv6", "web", "ok", None, "BR §7.1.4.3: CN 2001:db8::1 with iPAddress SAN 2001:db8::1",
     leaf_sans(V6, cn="2001:db8::1"), host="2001:db8::1")


# --- nameConstraintViolation -----------------------------------------------------------------------
def constrained(permitted=None, excluded=None, sans=("*.example.com",), cn=None):
    def mutate(root, intermediate, leaf):
        intermediate.put("nc", name_constraints(permitted, excluded), True)
        leaf.subject = name(cn)
        leaf.put("san", san(*sans), False)
    return mutate


WILD = "foo.example.com"
both("nc-excluded-sibling-vs-wildcard", "nameConstraintViolation", 0,
     "RFC 5280 §4.2.1.10 (CVE-2025-61727 class): excluded bar.example.com; SAN *.example.com can stand for it",
     constrained(excluded=["bar.example.com"]), host=WILD, twin="nc-permitted-parent-vs-wildcard")
case("web-nc-excluded-parent-vs-wildcard", "web", "nameConstraintViolation", 0,
     "RFC 5280 §4.2.1.10: excluded example.com covers every name under it, *.example.com included",
     constrained(excluded=["example.com"]), host=WILD, twin="web-nc-permitted-parent-vs-wildcard")
case("web-nc-excluded-other-vs-wildcard", "web", "nameConstraintViolation", 0,
     "RFC 5280 §4.2.1.10: excluded other.example.com; *.example.com can match other.example.com",
     constrained(excluded=["other.example.com"]), host=WILD, twin="web-nc-permitted-parent-vs-wildcard")
case("web-nc-excluded-two-labels-down", "web", "ok", None,
     "RFC 6125 §6.4.3: *.example.com matches one label, so it never stands for a.b.example.com (excluded)",
     constrained(excluded=["a.b.example.com"]), host=WILD)
case("web-nc-permitted-sibling-vs-wildcard", "web", "nameConstraintViolation", 0,
     "RFC 5280 §4.2.1.10: permitted bar.example.com; *.example.com also matches names outside it",
     constrained(permitted=["bar.example.com"]), host=WILD, twin="web-nc-permitted-parent-vs-wildcard")
both("nc-permitted-parent-vs-wildcard", "ok", None,
     "RFC 5280 §4.2.1.10: permitted example.com contains *.example.com", constrained(permitted=["example.com"]), host=WILD)
case("rfc5280-nc-permitted-vs-leading-dot", "rfc5280", "nameConstraintViolation", 0,
     "RFC 5280 §4.2.1.10: permitted example.com; SAN .example.com is not a name made by adding labels to it",
     constrained(permitted=["example.com"], sans=(HOST, ".example.com"), cn=HOST), twin="rfc5280-nc-permitted-host")
case("web-nc-permitted-vs-leading-dot", "web", "nameConstraintViolation|malformedName", 0,
     "RFC 5280 §4.2.1.10 / BR §7.1.2.7.12: permitted example.com; SAN .example.com is malformed and not within it",
     constrained(permitted=["example.com"], sans=(HOST, ".example.com"), cn=HOST), twin="web-nc-permitted-host")
both("nc-permitted-host", "ok", None, "RFC 5280 §4.2.1.10: permitted example.com; SANs www.example.com, example.com",
     constrained(permitted=["example.com"], sans=(HOST, "example.com"), cn=HOST))


# --- searchBudgetExhausted -------------------------------------------------------------------------
def many_constraints(count, where):
    def mutate(root, intermediate, leaf):
        # Only the last subtree matches, so every name is compared with every constraint.
        permitted = [f"z{i}.example.net" for i in range(count - 1)] + ["example.com"]
        target = root if where == "root" else intermediate
        target.put("nc", name_constraints(permitted=permitted), True)
        names = [f"h{i}.example.com" for i in range(count)]
        leaf.subject = name(names[0])
        leaf.put("san", san(*names), False)
    return mutate


case("web-nc-budget-root-600x600", "web", "searchBudgetExhausted", 0,
     "Certo SearchBudget.maxNameConstraintComparisons (250,000, webpki's): 600 permitted subtrees in the trusted "
     "root x 600 SANs = 360,000 comparisons must stop the search, quickly",
     many_constraints(600, "root"), host="h0.example.com", max_seconds=10, twin="web-nc-budget-root-400x400")
case("web-nc-budget-root-400x400", "web", "ok", None,
     "400 permitted subtrees in the root x 400 SANs = 160,000 comparisons, within the budget",
     many_constraints(400, "root"), host="h0.example.com")
case("web-nc-budget-intermediate-600x600", "web", "searchBudgetExhausted", 0,
     "Certo SearchBudget.maxNameConstraintComparisons: 600 permitted subtrees in the intermediate x 600 SANs",
     many_constraints(600, "intermediate"), host="h0.example.com", max_seconds=10,
     twin="web-nc-budget-intermediate-400x400")
case("web-nc-budget-intermediate-400x400", "web", "ok", None,
     "400 permitted subtrees in the intermediate x 400 SANs = 160,000 comparisons, within the budget",
     many_constraints(400, "intermediate"), host="h0.example.com")


# --- self-issued, not self-signed anchor -----------------------------------------------------------
def self_issued_root(root, intermediate, leaf):
    other = new_key("p256")
    root.sign_with = other
    root.put("aki", x509.AuthorityKeyIdentifier(ski_of(other), None, None), False)


for profile in ("web", "rfc5280"):
    case(f"{profile}-self-issued-anchor", profile, "issuerNotFound|untrustedRoot", 1,
         "RFC 5280 §6.1 / OpenSSL: a trusted certificate whose subject equals its issuer but which another key signed "
         "is not a self-signed root; without partial_chain the path needs its issuer (leaf <- that certificate)",
         self_issued_root, shape="two", twin=f"{profile}-self-issued-anchor-partial-chain")
    case(f"{profile}-self-issued-anchor-partial-chain", profile, "ok", None,
         "with partial_chain the trusted self-issued (not self-signed) certificate is the anchor",
         self_issued_root, shape="two", partial_chain=True)


# --- time ------------------------------------------------------------------------------------------
LEAF_NOT_AFTER = int(LEAF_VALIDITY[1].timestamp())
LEAF_NOT_BEFORE = int(LEAF_VALIDITY[0].timestamp())
both("leaf-notafter-plus-5ms", "ok", None,
     "RFC 5280 §4.1.2.5: notAfter is inclusive and has whole-second precision, so notAfter + 0.005 s is still valid",
     time=LEAF_NOT_AFTER, time_ns=5_000_000)
both("leaf-notafter-plus-1s", "expired", 0, "RFC 5280 §4.1.2.5: one second after the leaf's notAfter",
     time=LEAF_NOT_AFTER + 1, twin="leaf-notafter-plus-5ms")
both("leaf-notbefore", "ok", None, "RFC 5280 §4.1.2.5: notBefore is inclusive", time=LEAF_NOT_BEFORE)
both("leaf-notbefore-minus-1s", "notYetValid", 0, "RFC 5280 §4.1.2.5: one second before the leaf's notBefore",
     time=LEAF_NOT_BEFORE - 1, twin="leaf-notbefore")


# -------------------------------------------------------------------------------------------- output

def build(entry):
    root, intermediate, leaf = baseline()
    if entry["mutate"]:
        entry["mutate"](root, intermediate, leaf)
    issue(root, None)
    if entry["shape"] == "two":
        issue(leaf, root)
        return root, [], leaf
    issue(intermediate, root)
    issue(leaf, intermediate)
    return root, [intermediate], leaf


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} OUTDIR", file=sys.stderr)
        return 1
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    names = [entry["name"] for entry in CASES]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SystemExit(f"duplicate case names: {sorted(duplicates)}")
    for entry in CASES:
        twin = entry["twin"]
        if entry["expect"] != "ok":
            if twin is None:
                raise SystemExit(f"{entry['name']}: a violation needs a compliant twin")
            if twin not in names or next(e for e in CASES if e["name"] == twin)["expect"] != "ok":
                raise SystemExit(f"{entry['name']}: twin {twin} is not an 'ok' case")
    for entry in CASES:
        root, intermediates, leaf = build(entry)
        directory = os.path.join(out, entry["name"])
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "root.pem"), "w") as f:
            f.write(pem(root.der))
        with open(os.path.join(directory, "untrusted.pem"), "w") as f:
            f.write("".join(pem(c.der) for c in intermediates))
        with open(os.path.join(directory, "leaf.pem"), "w") as f:
            f.write(pem(leaf.der))
        record = {key: entry[key] for key in ("profile", "host", "time", "time_ns", "expect", "depth", "partial_chain",
                                              "allow_weak_rsa", "rule", "twin")}
        if entry["max_seconds"] is not None:
            record["max_seconds"] = entry["max_seconds"]
        with open(os.path.join(directory, "case.json"), "w") as f:
            json.dump(record, f, indent=2, sort_keys=True)
            f.write("\n")
    print(f"{len(CASES)} profile cases written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
