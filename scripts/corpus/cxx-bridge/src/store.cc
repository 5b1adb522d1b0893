#include "cxx-bridge/include/store.h"
#include "cxx-bridge/src/main.rs.h"
#include <algorithm>
#include <stdexcept>

namespace store {

Store::Store(std::string name) : name_(std::move(name)) {}

void Store::put(rust::Str key, rust::Slice<const uint8_t> value) {
    map_[std::string(key)] = std::string(reinterpret_cast<const char *>(value.data()), value.size());
}

bool Store::get(rust::Str key, std::string &out) const {
    auto it = map_.find(std::string(key));
    if (it == map_.end())
        return false;
    out = it->second;
    return true;
}

uint64_t Store::size() const { return map_.size(); }
const std::string &Store::name() const { return name_; }

std::unique_ptr<std::vector<std::string>> Store::keys() const {
    auto v = std::make_unique<std::vector<std::string>>();
    for (auto &kv : map_)
        v->push_back(kv.first);
    return v;
}

void Store::visit(rust::Fn<bool(rust::Str, rust::Slice<const uint8_t>)> f) const {
    for (auto &kv : map_) {
        rust::Slice<const uint8_t> bytes(reinterpret_cast<const uint8_t *>(kv.second.data()), kv.second.size());
        if (!f(rust::Str(kv.first), bytes))
            break;
    }
}

void Store::visit_with(Visitor &v) const {
    for (auto &kv : map_)
        visitor_entry(v, rust::Str(kv.first), kv.second.size());
}

void Store::remove(rust::Str key) { map_.erase(std::string(key)); }

int64_t Store::parse_number(rust::Str key) const {
    auto it = map_.find(std::string(key));
    if (it == map_.end())
        throw std::out_of_range("no such key: " + std::string(key));
    size_t used = 0;
    long long n = std::stoll(it->second, &used); // throws std::invalid_argument
    if (used != it->second.size())
        throw std::invalid_argument("trailing characters in " + it->second);
    return n;
}

std::unique_ptr<Store> new_store(rust::Str name) { return std::make_unique<Store>(std::string(name)); }
std::shared_ptr<Store> shared_store(rust::Str name) { return std::make_shared<Store>(std::string(name)); }

rust::String describe(const Store &s) {
    return rust::String(s.name() + " with " + std::to_string(s.size()) + " entries");
}

std::unique_ptr<std::string> joined_keys(const Store &s, const std::string &sep) {
    auto out = std::make_unique<std::string>();
    auto ks = s.keys();
    for (size_t i = 0; i < ks->size(); i++) {
        if (i)
            *out += sep;
        *out += (*ks)[i];
    }
    return out;
}

void fill_entries(const Store &s, rust::Vec<Entry> &out) {
    auto ks = s.keys();
    for (auto &k : *ks) {
        std::string v;
        s.get(rust::Str(k), v);
        Entry e;
        e.key = rust::String(k);
        e.len = v.size();
        out.push_back(std::move(e));
    }
}

std::unique_ptr<std::vector<int32_t>> histogram(const std::vector<int32_t> &values, int32_t buckets) {
    if (buckets <= 0)
        throw std::invalid_argument("buckets must be positive");
    auto h = std::make_unique<std::vector<int32_t>>(buckets, 0);
    if (values.empty())
        return h;
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    int64_t span = int64_t(*hi) - *lo + 1;
    for (int32_t v : values)
        (*h)[size_t((int64_t(v) - *lo) * buckets / span)]++;
    return h;
}

} // namespace store
