// The files that dictionaries.c embeds: for each, its first byte and its size in bytes.
#ifndef C_DATELINE_DICTIONARIES_H
#define C_DATELINE_DICTIONARIES_H

#include <stddef.h>

// French, Debian's hunspell-fr-classical: affixes, words, copyright notice.
const unsigned char *dateline_fr_aff_bytes(void);
size_t dateline_fr_aff_size(void);
const unsigned char *dateline_fr_dic_bytes(void);
size_t dateline_fr_dic_size(void);
const unsigned char *dateline_fr_copyright_bytes(void);
size_t dateline_fr_copyright_size(void);

// American English, Debian's hunspell-en-us: affixes, words, copyright notice.
const unsigned char *dateline_en_US_aff_bytes(void);
size_t dateline_en_US_aff_size(void);
const unsigned char *dateline_en_US_dic_bytes(void);
size_t dateline_en_US_dic_size(void);
const unsigned char *dateline_en_US_copyright_bytes(void);
size_t dateline_en_US_copyright_size(void);

// The Mozilla Public License 2.0, the French dictionary's licence.
const unsigned char *dateline_mpl_2_0_bytes(void);
size_t dateline_mpl_2_0_size(void);

#endif
