// The per-instruction-set copies of the entry points of csoftmax_simd.h: csm_<name>_avx2 and
// csm_<name>_avx512, declared here for dispatch.c and defined in avx2.c and avx512.c from the list
// CSM_ENTRY_POINTS, each forwarding to the static kernel of its file, ISA_NAME(name).
#ifndef CSOFTMAX_ISA_ENTRY_POINTS_H
#define CSOFTMAX_ISA_ENTRY_POINTS_H
#include "csoftmax_simd.h"

#define CSM_ISA_PROTOTYPES(needs, type, name, params, args) type csm_##name##_avx2 params; type csm_##name##_avx512 params;
CSM_ENTRY_POINTS(CSM_ISA_PROTOTYPES)
#undef CSM_ISA_PROTOTYPES

/// One definition: the exported copy ISA_ENTRY(name) of the static kernel ISA_NAME(name) (both macros
/// defined by the including file).
#define CSM_DEFINE_ENTRY(type, name, params, args) type ISA_ENTRY(name) params { return ISA_NAME(name) args; }
/// The definitions of the entry points that need only the core set (CSM_DEFINE_CORE) or also F16C
/// (CSM_DEFINE_F16C): each skips the other kind, so that avx2.c can compile them under two targets.
#define CSM_DEFINE_CORE(needs, type, name, params, args) CSM_DEFINE_CORE_##needs(type, name, params, args)
#define CSM_DEFINE_CORE_CORE CSM_DEFINE_ENTRY
#define CSM_DEFINE_CORE_F16C(type, name, params, args)
#define CSM_DEFINE_F16C(needs, type, name, params, args) CSM_DEFINE_F16C_##needs(type, name, params, args)
#define CSM_DEFINE_F16C_CORE(type, name, params, args)
#define CSM_DEFINE_F16C_F16C CSM_DEFINE_ENTRY
#endif
