// Leaks on purpose: built only with ORSCALC_SANITIZE, where ctest requires LeakSanitizer's
// report from it. This proves that leak checking is on in the environment the suite runs in
// (ASAN_OPTIONS=detect_leaks=1 in .ci/run), not silently off, so a leak elsewhere fails a test.
#include <cstdio>
#include <cstdlib>

int main() {
    void* volatile block = std::malloc(42);
    std::printf("leaking %p\n", block);
    block = nullptr;
    return 0;
}
