#pragma once
#include "rust/cxx.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace store {

struct Entry;
struct Visitor;

class Store {
public:
    explicit Store(std::string name);
    void put(rust::Str key, rust::Slice<const uint8_t> value);
    bool get(rust::Str key, std::string &out) const;
    uint64_t size() const;
    const std::string &name() const;
    std::unique_ptr<std::vector<std::string>> keys() const;
    void visit(rust::Fn<bool(rust::Str, rust::Slice<const uint8_t>)> f) const;
    void visit_with(Visitor &v) const;
    void remove(rust::Str key);
    int64_t parse_number(rust::Str key) const;

private:
    std::string name_;
    std::map<std::string, std::string> map_;
};

std::unique_ptr<Store> new_store(rust::Str name);
std::shared_ptr<Store> shared_store(rust::Str name);
rust::String describe(const Store &s);
std::unique_ptr<std::string> joined_keys(const Store &s, const std::string &sep);
void fill_entries(const Store &s, rust::Vec<Entry> &out);
std::unique_ptr<std::vector<int32_t>> histogram(const std::vector<int32_t> &values, int32_t buckets);

} // namespace store
