#pragma once
// A hint to start loading the cache line at an address that will be needed soon (an event a
// few places ahead in the queue touches a child's slot, a unit, a bucket).
//
// Written as an asm statement on x86: GCC 12 drops __builtin_prefetch (and _mm_prefetch) when
// the address is computed under a condition that reads memory, which is exactly how the queue
// looks ahead.
namespace carecast::engine {

inline void prefetch(const void* address) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(address)));
#else
  __builtin_prefetch(address);
#endif
}

}  // namespace carecast::engine
