#!/usr/bin/env bash
# Generates TestVectors/ocsp/ecdsa-p256/: an ECDSA P-256 chain (root.pem, untrusted.pem, leaf.pem;
# certificates valid 2025-2045, leaf for www.p256-ocsp.certo.test) and ocsp.der, an OCSP response
# "good" for the leaf signed by its issuing CA (the intermediate) with `openssl ocsp`, as a TLS
# server would staple it. `certo bench chain-p256-ocsp` verifies the chain with this staple; its
# validation time is the response's thisUpdate plus one minute (openssl ocsp stamps the clock's time).
# Keys are fresh on every run; the organisation and names are fictional (RFC 2606).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/ocsp/ecdsa-p256"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/new"
: >"$work/index.txt"
echo 2000 >"$work/serial"
cat >"$work/ca.cnf" <<CNF
[ ca ]
default_ca = certo
[ certo ]
database = $work/index.txt
new_certs_dir = $work/new
serial = $work/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[ anything ]
commonName = supplied
organizationName = optional
countryName = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ root ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ intermediate ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,digitalSignature,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ leaf ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = OCSP;URI:http://ocsp.certo.test/
subjectAltName = DNS:www.p256-ocsp.certo.test
CNF
for name in root intermediate leaf; do
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/$name.key"
done
issue() {  # NAME SUBJECT SIGNER|self
  openssl req -new -config "$work/ca.cnf" -key "$work/$1.key" -subj "$2" -out "$work/$1.csr"
  local signer=(-cert "$work/$3.pem" -keyfile "$work/$3.key")
  [ "$3" = self ] && signer=(-selfsign -keyfile "$work/$1.key")
  openssl ca -batch -config "$work/ca.cnf" -in "$work/$1.csr" "${signer[@]}" -startdate 20250101000000Z \
    -enddate 20450101000000Z -preserveDN -notext -extensions "$1" -out "$work/$1.pem" 2>"$work/ca.log" \
    || { cat "$work/ca.log" >&2; exit 1; }
}
issue root "/C=US/O=Certo Test/CN=Certo Test OCSP Root" self
issue intermediate "/C=US/O=Certo Test/CN=Certo Test OCSP P-256 CA" root
issue leaf "/CN=www.p256-ocsp.certo.test" intermediate
# The intermediate's index lists the leaf as valid; the response is signed by the intermediate itself.
grep "CN=www.p256-ocsp.certo.test" "$work/index.txt" >"$work/leaf-index.txt"
openssl ocsp -index "$work/leaf-index.txt" -CA "$work/intermediate.pem" -rsigner "$work/intermediate.pem" \
  -rkey "$work/intermediate.key" -issuer "$work/intermediate.pem" -cert "$work/leaf.pem" -resp_no_certs \
  -ndays 7300 -respout "$out/ocsp.der" >/dev/null 2>&1
cp "$work/root.pem" "$out/root.pem"
cp "$work/intermediate.pem" "$out/untrusted.pem"
cp "$work/leaf.pem" "$out/leaf.pem"
openssl ocsp -respin "$out/ocsp.der" -resp_text -noverify | grep -q "Cert Status: good"
echo "make-ocsp-chain: wrote $out"
