// The bundled Hunspell dictionaries and their licences, embedded in the binary with C23 `#embed`.
//
// `#embed` (clang 19 and later) puts a file's bytes in an array at compile time, and the compiler lists
// the file among the object's dependencies, so SwiftPM recompiles this file when one in data/ changes.
// BundledDictionariesTests also compares the embedded bytes with the files in data/.

#include "CDatelineDictionaries.h"

#if !defined(__has_embed)
#error "CDatelineDictionaries needs a C compiler with #embed (clang 19 or later, as in Swift 6.1 and later)"
#endif

#pragma clang diagnostic ignored "-Wc23-extensions"

// EMBEDDED(name, array): the two accessors of the header for `array`.
#define EMBEDDED(name, array)                                                     \
  const unsigned char *dateline_##name##_bytes(void) { return array; }            \
  size_t dateline_##name##_size(void) { return sizeof(array); }

static const unsigned char fr_aff[] = {
#embed "data/fr.aff"
};
static const unsigned char fr_dic[] = {
#embed "data/fr.dic"
};
static const unsigned char fr_copyright[] = {
#embed "data/fr.copyright"
};
static const unsigned char en_US_aff[] = {
#embed "data/en_US.aff"
};
static const unsigned char en_US_dic[] = {
#embed "data/en_US.dic"
};
static const unsigned char en_US_copyright[] = {
#embed "data/en_US.copyright"
};
static const unsigned char mpl_2_0[] = {
#embed "data/MPL-2.0.txt"
};

EMBEDDED(fr_aff, fr_aff)
EMBEDDED(fr_dic, fr_dic)
EMBEDDED(fr_copyright, fr_copyright)
EMBEDDED(en_US_aff, en_US_aff)
EMBEDDED(en_US_dic, en_US_dic)
EMBEDDED(en_US_copyright, en_US_copyright)
EMBEDDED(mpl_2_0, mpl_2_0)
