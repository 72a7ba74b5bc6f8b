#!/usr/bin/env bash
# Generates TestVectors/chains/<case>/: root.pem (trust anchors), untrusted.pem (intermediates, may be
# empty), leaf.pem and `expected` (verdict, error depth, reason, host, purpose, validation time, and what
# `openssl verify` said). Uses only the openssl CLI (`openssl ca`, for fixed validity dates) plus python3
# to flip one signature byte. Keys are fresh on every run, so the PEMs change, but the verdicts do not:
# every date is fixed and the validation time is fixed in `expected`, so tests never read the clock.
# The organisation "Certo Test" and the .test names are fictional (RFC 2606).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/chains"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

AT="2026-06-01T00:00:00Z"          # validation time of every case
AT_UNIX=1780272000                  # the same instant, for openssl -attime
START=20250101000000Z               # long validity for good certificates
END=20450101000000Z

cat >"$work/ca.cnf" <<'EOF'
[ ca ]
default_ca = certo
[ certo ]
database = $ENV::CERTO_DB
new_certs_dir = $ENV::CERTO_NEW
serial = $ENV::CERTO_SERIAL
default_md = sha256
policy = anything
unique_subject = no
email_in_dn = no
copy_extensions = none
[ anything ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
EOF
export CERTO_DB="$work/index.txt" CERTO_NEW="$work/new" CERTO_SERIAL="$work/serial"
: >"$CERTO_DB"
echo 1000 >"$CERTO_SERIAL"
mkdir -p "$CERTO_NEW"

# key NAME rsa2048|rsa4096|p256|p384
key() {
  case "$2" in
    rsa*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${2#rsa}" -out "$work/$1.key" 2>/dev/null ;;
    p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/$1.key" ;;
    p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$work/$1.key" ;;
  esac
}

# cert NAME SUBJECT ISSUER|self MD START END EXTENSIONS(one per line)
# Issues $work/NAME.pem for $work/NAME.key, signed by ISSUER's key (or its own).
cert() {
  local name="$1" subject="$2" issuer="$3" md="$4" start="$5" end="$6" exts="$7"
  printf '[ v3 ]\n%s\n' "$exts" >"$work/$name.ext"
  openssl req -new -config "$work/ca.cnf" -key "$work/$name.key" -subj "$subject" -out "$work/$name.csr"
  local signer=(-cert "$work/$issuer.pem" -keyfile "$work/$issuer.key")
  if [ "$issuer" = self ]; then signer=(-selfsign -keyfile "$work/$name.key"); fi
  openssl ca -batch -config "$work/ca.cnf" -in "$work/$name.csr" "${signer[@]}" -md "$md" \
    -startdate "$start" -enddate "$end" -rand_serial -preserveDN -notext \
    -extfile "$work/$name.ext" -extensions v3 -out "$work/$name.pem" 2>"$work/ca.log" || { cat "$work/ca.log" >&2; exit 1; }
}

ROOT_EXT="basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash"
INT_EXT="basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,digitalSignature,keyCertSign,cRLSign
extendedKeyUsage=serverAuth,clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
authorityInfoAccess=caIssuers;URI:http://crt.certo.test/root.cer"
# leaf_ext SAN [EXTRA...]
leaf_ext() {
  local san="$1"; shift
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n'
  printf 'extendedKeyUsage=serverAuth,clientAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n'
  printf 'authorityInfoAccess=caIssuers;URI:http://crt.certo.test/intermediate.cer\n'
  printf 'subjectAltName=%s\n' "$san"
  for extra in "$@"; do printf '%s\n' "$extra"; done
}

# emit CASE HOST PURPOSE ROOTS UNTRUSTED LEAF DESCRIPTION
# Writes the case folder and records openssl's verdict; our own verdict/depth/reason are then checked
# against it by `expect`.
emit() {
  local case="$1" host="$2" purpose="$3" roots="$4" untrusted="$5" leaf="$6" description="$7"
  local dir="$out/$case"
  rm -rf "$dir"; mkdir -p "$dir"
  : >"$dir/root.pem"; for r in $roots; do cat "$work/$r.pem" >>"$dir/root.pem"; done
  : >"$dir/untrusted.pem"; for u in $untrusted; do cat "$work/$u.pem" >>"$dir/untrusted.pem"; done
  cp "$work/$leaf.pem" "$dir/leaf.pem"
  local args=(-CAfile "$dir/root.pem" -attime "$AT_UNIX" -purpose "$purpose")
  [ -s "$dir/untrusted.pem" ] && args+=(-untrusted "$dir/untrusted.pem")
  if [[ "$host" =~ ^[0-9.]+$ || "$host" == *:* ]]; then args+=(-verify_ip "$host")
  elif [ -n "$host" ]; then args+=(-verify_hostname "$host"); fi
  local said
  said="$(openssl verify "${args[@]}" "$dir/leaf.pem" 2>&1 | grep -E '^error|: OK$' | head -1 | sed "s#$dir/##")" || true
  {
    echo "description: $description"
    echo "host: $host"
    echo "purpose: $purpose"
    echo "time: $AT"
    echo "openssl: $said"
  } >"$dir/expected"
}

# expect CASE OK|FAIL DEPTH REASON: our expected verdict, failing depth (- when OK) and reason case.
expect() {
  { echo "verdict: $2"; echo "depth: $3"; echo "reason: $4"; } >>"$out/$1/expected"
  if [ "$2" = OK ] && ! grep -q 'openssl: .*: OK' "$out/$1/expected"; then
    echo "make-chains: openssl disagrees on $1" >&2; cat "$out/$1/expected" >&2; exit 1
  fi
  if [ "$2" = FAIL ] && ! grep -q "openssl: error [0-9]* at $3 depth" "$out/$1/expected"; then
    echo "make-chains: openssl disagrees on $1" >&2; cat "$out/$1/expected" >&2; exit 1
  fi
}

O="/C=US/O=Certo Test"

# --- The AWS IoT Core-shaped chain: RSA-2048/SHA-256, wildcard leaf under a regional name.
key root-rsa2048 rsa2048; cert root-rsa2048 "$O/CN=Certo Test Root CA 1" self sha256 $START $END "$ROOT_EXT"
key int-rsa2048 rsa2048; cert int-rsa2048 "$O/OU=Server CA 1B/CN=Certo Test RSA 2048 M01" root-rsa2048 sha256 $START $END "$INT_EXT"
key leaf-rsa2048 rsa2048
cert leaf-rsa2048 "/CN=*.iot.us-east-1.certo.test" int-rsa2048 sha256 $START $END \
  "$(leaf_ext 'DNS:*.iot.us-east-1.certo.test,DNS:iot.us-east-1.certo.test')"
AWS_HOST="a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test"
emit aws-iot-rsa2048 "$AWS_HOST" sslserver root-rsa2048 int-rsa2048 leaf-rsa2048 \
  "RSA-2048/SHA-256 three-level chain shaped like AWS IoT Core's"
expect aws-iot-rsa2048 OK - ok

# --- RSA-4096 / SHA-384.
key root-rsa4096 rsa4096; cert root-rsa4096 "$O/CN=Certo Test Root CA 4096" self sha384 $START $END "$ROOT_EXT"
key int-rsa4096 rsa4096; cert int-rsa4096 "$O/CN=Certo Test RSA 4096 CA" root-rsa4096 sha384 $START $END "$INT_EXT"
key leaf-rsa4096 rsa2048
cert leaf-rsa4096 "/CN=www.rsa4096.certo.test" int-rsa4096 sha384 $START $END "$(leaf_ext 'DNS:www.rsa4096.certo.test')"
emit rsa4096-sha384 www.rsa4096.certo.test sslserver root-rsa4096 int-rsa4096 leaf-rsa4096 "RSA-4096 CA keys, SHA-384 signatures"
expect rsa4096-sha384 OK - ok

# --- ECDSA P-256 / SHA-256.
key root-p256 p256; cert root-p256 "$O/CN=Certo Test ECC Root P-256" self sha256 $START $END "$ROOT_EXT"
key int-p256 p256; cert int-p256 "$O/CN=Certo Test ECC P-256 CA" root-p256 sha256 $START $END "$INT_EXT"
key leaf-p256 p256
cert leaf-p256 "/CN=www.p256.certo.test" int-p256 sha256 $START $END "$(leaf_ext 'DNS:www.p256.certo.test,IP:192.0.2.7')"
emit ecdsa-p256 www.p256.certo.test sslserver root-p256 int-p256 leaf-p256 "ECDSA P-256 with SHA-256 at every link"
expect ecdsa-p256 OK - ok
emit ecdsa-p256-ip 192.0.2.7 sslserver root-p256 int-p256 leaf-p256 "ECDSA P-256 chain checked against an iPAddress SAN"
expect ecdsa-p256-ip OK - ok

# --- ECDSA P-384 / SHA-384.
key root-p384 p384; cert root-p384 "$O/CN=Certo Test ECC Root P-384" self sha384 $START $END "$ROOT_EXT"
key int-p384 p384; cert int-p384 "$O/CN=Certo Test ECC P-384 CA" root-p384 sha384 $START $END "$INT_EXT"
key leaf-p384 p384
cert leaf-p384 "/CN=www.p384.certo.test" int-p384 sha384 $START $END "$(leaf_ext 'DNS:www.p384.certo.test')"
emit ecdsa-p384 www.p384.certo.test sslserver root-p384 int-p384 leaf-p384 "ECDSA P-384 with SHA-384 at every link"
expect ecdsa-p384 OK - ok

# --- Mixed: RSA root signs a P-384 intermediate, which signs a P-256 leaf.
key int-mixed p384; cert int-mixed "$O/CN=Certo Test Mixed ECC CA" root-rsa2048 sha256 $START $END "$INT_EXT"
key leaf-mixed p256
cert leaf-mixed "/CN=mixed.certo.test" int-mixed sha384 $START $END "$(leaf_ext 'DNS:mixed.certo.test')"
emit mixed-rsa-ecdsa mixed.certo.test sslserver root-rsa2048 int-mixed leaf-mixed "RSA root, ECDSA P-384 intermediate, P-256 leaf"
expect mixed-rsa-ecdsa OK - ok

# --- Cross-signed root: Root CA 1 exists self-signed and cross-signed by an older root (like Amazon
# Root CA 1 under Starfield Services Root G2). Two paths; the pool holds both the intermediate and the
# cross certificate in scrambled order.
key root-legacy rsa2048; cert root-legacy "$O/CN=Certo Test Legacy Root G2" self sha256 $START $END "$ROOT_EXT"
cp "$work/root-rsa2048.key" "$work/cross-root1.key"
cert cross-root1 "$O/CN=Certo Test Root CA 1" root-legacy sha256 $START $END "basicConstraints=critical,CA:TRUE
keyUsage=critical,digitalSignature,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always"
emit cross-signed-new-root "$AWS_HOST" sslserver root-rsa2048 "cross-root1 int-rsa2048" leaf-rsa2048 \
  "pool holds the cross certificate; the self-signed Root CA 1 is trusted and ends the path"
expect cross-signed-new-root OK - ok
emit cross-signed-legacy-root "$AWS_HOST" sslserver root-legacy "cross-root1 int-rsa2048" leaf-rsa2048 \
  "only the legacy root is trusted: the path goes through the cross-signed Root CA 1"
expect cross-signed-legacy-root OK - ok

# --- Broken variants (all under the RSA-2048 chain unless said).
key leaf-expired rsa2048
cert leaf-expired "/CN=expired.certo.test" int-rsa2048 sha256 20250101000000Z 20260101000000Z "$(leaf_ext 'DNS:expired.certo.test')"
emit expired expired.certo.test sslserver root-rsa2048 int-rsa2048 leaf-expired "leaf expired on 2026-01-01"
expect expired FAIL 0 expired

key leaf-future rsa2048
cert leaf-future "/CN=future.certo.test" int-rsa2048 sha256 20270101000000Z 20450101000000Z "$(leaf_ext 'DNS:future.certo.test')"
emit not-yet-valid future.certo.test sslserver root-rsa2048 int-rsa2048 leaf-future "leaf valid from 2027-01-01"
expect not-yet-valid FAIL 0 notYetValid

emit wrong-host www.other.certo.test sslserver root-rsa2048 int-rsa2048 leaf-rsa2048 "host outside the wildcard's reach"
expect wrong-host FAIL 0 hostnameMismatch
emit wrong-host-deep a.b.iot.us-east-1.certo.test sslserver root-rsa2048 int-rsa2048 leaf-rsa2048 "a wildcard covers one label only"
expect wrong-host-deep FAIL 0 hostnameMismatch

emit missing-intermediate "$AWS_HOST" sslserver root-rsa2048 "" leaf-rsa2048 "the intermediate is not supplied"
expect missing-intermediate FAIL 0 issuerNotFound

python3 - "$work/leaf-rsa2048.pem" "$work/leaf-badsig.pem" <<'EOF'
import base64, sys
text = open(sys.argv[1]).read()
body = "".join(l for l in text.strip().splitlines() if not l.startswith("-----"))
der = bytearray(base64.b64decode(body)); der[-1] ^= 0x01
b = base64.b64encode(bytes(der)).decode()
open(sys.argv[2], "w").write("-----BEGIN CERTIFICATE-----\n" + "\n".join(b[i:i+64] for i in range(0, len(b), 64)) + "\n-----END CERTIFICATE-----\n")
EOF
emit bad-signature "$AWS_HOST" sslserver root-rsa2048 int-rsa2048 leaf-badsig "last byte of the leaf's signature flipped"
expect bad-signature FAIL 0 badSignature

key int-notca rsa2048
cert int-notca "$O/CN=Certo Test Not A CA" root-rsa2048 sha256 $START $END "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyCertSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always"
key leaf-notca rsa2048
cert leaf-notca "/CN=notca.certo.test" int-notca sha256 $START $END "$(leaf_ext 'DNS:notca.certo.test')"
emit ca-false-issuer notca.certo.test sslserver root-rsa2048 int-notca leaf-notca "the issuer says CA:FALSE"
expect ca-false-issuer FAIL 1 notACA

key int-sub rsa2048
cert int-sub "$O/CN=Certo Test Sub CA under pathlen 0" int-rsa2048 sha256 $START $END "basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always"
key leaf-pathlen rsa2048
cert leaf-pathlen "/CN=pathlen.certo.test" int-sub sha256 $START $END "$(leaf_ext 'DNS:pathlen.certo.test')"
emit pathlen-exceeded pathlen.certo.test sslserver root-rsa2048 "int-sub int-rsa2048" leaf-pathlen \
  "an intermediate with pathlen:0 issues another CA"
expect pathlen-exceeded FAIL 2 pathLengthExceeded

key leaf-critical rsa2048
cert leaf-critical "/CN=critical.certo.test" int-rsa2048 sha256 $START $END \
  "$(leaf_ext 'DNS:critical.certo.test' '1.3.6.1.4.1.55555.1.1=critical,ASN1:NULL')"
emit unknown-critical-extension critical.certo.test sslserver root-rsa2048 int-rsa2048 leaf-critical "leaf carries an unknown critical extension"
expect unknown-critical-extension FAIL 0 unhandledCriticalExtension

key int-nc rsa2048
cert int-nc "$O/CN=Certo Test Constrained CA" root-rsa2048 sha256 $START $END "$INT_EXT
nameConstraints=critical,permitted;DNS:allowed.certo.test"
key leaf-nc rsa2048
cert leaf-nc "/CN=www.elsewhere.certo.test" int-nc sha256 $START $END "$(leaf_ext 'DNS:www.elsewhere.certo.test')"
emit name-constraint-violation www.elsewhere.certo.test sslserver root-rsa2048 int-nc leaf-nc \
  "the intermediate permits only allowed.certo.test"
expect name-constraint-violation FAIL 0 nameConstraintViolation
key leaf-nc-ok rsa2048
cert leaf-nc-ok "/CN=www.allowed.certo.test" int-nc sha256 $START $END "$(leaf_ext 'DNS:www.allowed.certo.test')"
emit name-constraint-permitted www.allowed.certo.test sslserver root-rsa2048 int-nc leaf-nc-ok \
  "a leaf inside the intermediate's permitted subtree"
expect name-constraint-permitted OK - ok

key leaf-client rsa2048
cert leaf-client "/CN=client.certo.test" int-rsa2048 sha256 $START $END "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
subjectAltName=DNS:client.certo.test"
emit eku-mismatch client.certo.test sslserver root-rsa2048 int-rsa2048 leaf-client "a clientAuth-only leaf used as a server"
expect eku-mismatch FAIL 0 extendedKeyUsageMismatch
emit eku-client client.certo.test sslclient root-rsa2048 int-rsa2048 leaf-client "the same leaf used as a client"
expect eku-client OK - ok

echo "make-chains: wrote $(ls "$out" | wc -l) cases to $out"
