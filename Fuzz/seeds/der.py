# Just enough DER for the seed generator: walk a certificate to its SubjectPublicKeyInfo, Name and
# extensions, and encode TLVs. Definite lengths, low tag numbers; the inputs are real certificates.


def read(data, offset=0):
    """(tag, content_start, end) of the element at `offset`."""
    tag = data[offset]
    length = data[offset + 1]
    start = offset + 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[start:start + count], "big")
        start += count
    return tag, start, start + length


def children(data, offset=0):
    """The (tag, start, content_start, end) of each element inside the constructed one at `offset`."""
    _, position, end = read(data, offset)
    result = []
    while position < end:
        tag, content, element_end = read(data, position)
        result.append((tag, position, content, element_end))
        position = element_end
    return result


def encode(tag, content):
    if len(content) < 0x80:
        return bytes([tag, len(content)]) + content
    size = (len(content).bit_length() + 7) // 8
    return bytes([tag, 0x80 | size]) + len(content).to_bytes(size, "big") + content


def tbs_fields(certificate):
    """tbsCertificate's elements, and whether the first is the explicit version."""
    tbs = children(certificate)[0]
    return children(certificate, tbs[1])


def parts(certificate):
    """A dict of a certificate's pieces as DER: issuer, subject, spki, extensions (a list of
    (oid_content, critical, value) and the whole Extensions SEQUENCE), signature algorithm and value."""
    fields = tbs_fields(certificate)
    if fields and fields[0][0] == 0xA0:
        fields = fields[1:]
    # serial, signature, issuer, validity, subject, spki, then optional [1] [2] [3]
    out = {
        "issuer": certificate[fields[2][1]:fields[2][3]],
        "subject": certificate[fields[4][1]:fields[4][3]],
        "spki": certificate[fields[5][1]:fields[5][3]],
        "extensions": [],
        "extensions_der": None,
    }
    for tag, start, content, end in fields[6:]:
        if tag != 0xA3:
            continue
        sequence = certificate[content:end]
        out["extensions_der"] = sequence
        for _, ext_start, _, _ in children(sequence):
            items = children(sequence, ext_start)
            oid = sequence[items[0][2]:items[0][3]]
            critical = len(items) == 3 and sequence[items[1][2]:items[1][3]] == b"\xff"
            value = sequence[items[-1][2]:items[-1][3]]
            out["extensions"].append((oid, critical, value))
    return out
