#include "models/scenario/money_keys.hpp"

namespace carecast::models::money_keys {

bool is_money_key(const std::string& key_path) {
  for (const char* key : all) {
    std::string name = key;
    if (key_path == name || key_path.rfind(name + ".", 0) == 0 || key_path.rfind(name + "[", 0) == 0) return true;
  }
  return false;
}

}  // namespace carecast::models::money_keys
