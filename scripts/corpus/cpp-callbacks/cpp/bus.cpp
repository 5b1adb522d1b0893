#include "bus.h"
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Handler {
    uint64_t id;
    std::string topic;
    bus_handler_ops ops;
    void *user;
    Handler(uint64_t id_, std::string topic_, bus_handler_ops ops_, void *user_)
        : id(id_), topic(std::move(topic_)), ops(ops_), user(user_) {}
    Handler(const Handler &) = delete; // owns user: never copied
    Handler &operator=(const Handler &) = delete;
    ~Handler()
    {
        if (ops.destroy)
            ops.destroy(user);
    }
};

void check_topic(const std::string &t)
{
    if (t.empty() || t.find(' ') != std::string::npos)
        throw std::invalid_argument("bad topic '" + t + "'");
}

bool matches(const std::string &pattern, const std::string &topic)
{
    if (!pattern.empty() && pattern.back() == '*')
        return topic.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
    return pattern == topic;
}

} // namespace

struct bus {
    std::vector<std::unique_ptr<Handler>> handlers;
    std::set<std::string> interned;
    uint64_t next_id = 1;
    uint64_t seq = 0;
    uint64_t delivered = 0;
};

extern "C" bus *bus_new(void)
{
    try {
        return new bus();
    } catch (...) {
        return nullptr;
    }
}

extern "C" void bus_free(bus *b) { delete b; }

extern "C" bus_status bus_subscribe(bus *b, const char *topic, bus_handler_ops ops, void *user, uint64_t *id)
{
    try {
        std::string t(topic);
        check_topic(t);
        auto h = std::make_unique<Handler>(b->next_id++, t, ops, user);
        *id = h->id;
        b->handlers.push_back(std::move(h));
        return BUS_OK;
    } catch (const std::invalid_argument &) {
        if (ops.destroy)
            ops.destroy(user); // the bus owns user even when it refuses it
        return BUS_BAD_TOPIC;
    } catch (...) {
        return BUS_INTERNAL;
    }
}

extern "C" bus_status bus_unsubscribe(bus *b, uint64_t id)
{
    for (auto it = b->handlers.begin(); it != b->handlers.end(); ++it) {
        if ((*it)->id == id) {
            b->handlers.erase(it);
            return BUS_OK;
        }
    }
    return BUS_NO_SUCH;
}

extern "C" long bus_publish(bus *b, const char *topic, const uint8_t *payload, size_t len, bus_status *status)
{
    try {
        std::string t(topic);
        check_topic(t);
        bus_event ev{topic, payload, len, ++b->seq};
        long n = 0;
        std::vector<uint64_t> drop;
        for (auto &h : b->handlers) {
            if (!matches(h->topic, t))
                continue;
            n++;
            if (h->ops.on_event(h->user, &ev))
                drop.push_back(h->id);
        }
        for (uint64_t id : drop)
            bus_unsubscribe(b, id);
        b->delivered += n;
        *status = BUS_OK;
        return n;
    } catch (const std::invalid_argument &) {
        *status = BUS_BAD_TOPIC;
        return -1;
    } catch (...) {
        *status = BUS_INTERNAL;
        return -1;
    }
}

extern "C" size_t bus_describe(const bus *b, char *buf, size_t cap)
{
    try {
        std::string s = std::to_string(b->handlers.size()) + " handlers, " + std::to_string(b->seq) + " events, " +
                        std::to_string(b->delivered) + " deliveries";
        if (cap > 0) {
            size_t n = s.size() < cap - 1 ? s.size() : cap - 1;
            std::memcpy(buf, s.data(), n);
            buf[n] = '\0';
        }
        return s.size();
    } catch (...) { // std::bad_alloc must not cross into the caller
        if (cap > 0)
            buf[0] = '\0';
        return 0;
    }
}

extern "C" const char *bus_intern(bus *b, const char *topic)
{
    try {
        return b->interned.insert(std::string(topic)).first->c_str();
    } catch (...) {
        return nullptr;
    }
}
