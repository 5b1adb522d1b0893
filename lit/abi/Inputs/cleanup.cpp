// C++ entry points with a scoped lock (a destructor, so a landing pad and a resume at -O0).
#include <pthread.h>
#include <stdlib.h>

struct Lock {
    pthread_mutex_t *m;
    explicit Lock(pthread_mutex_t *m_) : m(m_) { pthread_mutex_lock(m); }
    ~Lock() { pthread_mutex_unlock(m); }
};
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int counter;
static int *buffer;

// Like zmq's posix_assert: only abort() behind it.
static void check(int rc) {
    if (rc < 0)
        abort();
}

// Silent: nothing invoked under the lock can unwind, so its cleanup's resume never runs.
extern "C" int cxx_bump(void) {
    Lock l(&mu);
    check(counter);
    return ++counter;
}

// Warning: operator new under the lock may throw std::bad_alloc.
extern "C" int cxx_grow(int n) {
    Lock l(&mu);
    int *b = new int[n];
    delete[] buffer;
    buffer = b;
    return n;
}
