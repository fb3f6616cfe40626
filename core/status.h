#pragma once
// Expected failures are values. A Status carries a stable reason code (used in dead-letter
// headers and counters) and a human message.

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace wirefeed {

class Status {
 public:
  Status() = default;
  Status(std::string code, std::string message)
      : code_(std::move(code)), message_(std::move(message)) {}
  static Status ok() { return {}; }
  [[nodiscard]] bool is_ok() const { return code_.empty(); }
  explicit operator bool() const { return is_ok(); }
  [[nodiscard]] const std::string& code() const { return code_; }
  [[nodiscard]] const std::string& message() const { return message_; }

 private:
  std::string code_;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}       // NOLINT(google-explicit-constructor)
  Result(Status error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  [[nodiscard]] bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  [[nodiscard]] const Status& status() const { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace wirefeed
