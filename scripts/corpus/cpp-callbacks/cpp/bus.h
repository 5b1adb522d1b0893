/* An event bus written in C++ behind a C API: handlers are C function pointers with user data
 * and a destroy callback that the bus calls when it drops the handler (unsubscribe or
 * bus_free), the way GLib, libuv and HarfBuzz take closures. */
#pragma once
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct bus bus;

typedef struct {
    const char *topic;
    const uint8_t *payload;
    size_t len;
    uint64_t seq;
} bus_event;

typedef struct {
    /* Returns 0 to keep the subscription, 1 to drop it after this event. */
    int (*on_event)(void *user, const bus_event *ev);
    void (*destroy)(void *user);
} bus_handler_ops;

typedef enum { BUS_OK = 0, BUS_NO_SUCH = 1, BUS_BAD_TOPIC = 2, BUS_INTERNAL = 3 } bus_status;

bus *bus_new(void);
void bus_free(bus *b);
/* The ops table is copied (by value); user belongs to the bus from here on, which calls
 * ops.destroy(user) once when it drops the handler. *id receives the subscription id. */
bus_status bus_subscribe(bus *b, const char *topic, bus_handler_ops ops, void *user, uint64_t *id);
bus_status bus_unsubscribe(bus *b, uint64_t id);
/* Delivers synchronously to every matching handler; the payload is borrowed for the call.
 * Returns the number of deliveries, or -1 and an error status in *status. */
long bus_publish(bus *b, const char *topic, const uint8_t *payload, size_t len, bus_status *status);
/* snprintf-style: writes a NUL-terminated summary into buf (if cap > 0) and returns the length
 * it needs, without the NUL (0 if out of memory). */
size_t bus_describe(const bus *b, char *buf, size_t cap);
/* Topics are copied; the bus keeps its own strings. Returns a pointer valid until bus_free,
 * NULL if out of memory. */
const char *bus_intern(bus *b, const char *topic);
#ifdef __cplusplus
}
#endif
