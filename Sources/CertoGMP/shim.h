// The only C in Certo's product: GMP's public header, exposed to Swift as the CertoGMP module.
// Debian: apt-get install libgmp-dev.
#ifndef CERTO_GMP_SHIM_H
#define CERTO_GMP_SHIM_H
#include <gmp.h>
#endif
