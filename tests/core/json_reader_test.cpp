#include "core/json_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "core/errors.hpp"

namespace cerebro::core {
namespace {

using ::testing::HasSubstr;

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

const JsonReader kReader{"out/x.json", "Re-run `tool` to write a fresh x.json"};

TEST(JsonReader, MissingKeyNamesPathAndFix) {
  const auto document = kReader.parse(R"({"media": {"name": "a"}})");
  const std::string message =
      message_of([&] { kReader.number(document.at("media"), "beta", "media."); });
  EXPECT_THAT(message, HasSubstr("out/x.json: key 'media.beta' is missing"));
  EXPECT_THAT(message, HasSubstr("Re-run `tool` to write a fresh x.json."));
}

TEST(JsonReader, WrongTypesAreRejected) {
  const auto document = kReader.parse(R"({"n": "3", "i": 2.5, "b": 1, "t": ["x", 2]})");
  EXPECT_THAT(message_of([&] { kReader.number(document, "n", ""); }), HasSubstr("is not a number"));
  EXPECT_THAT(message_of([&] { kReader.integer(document, "i", ""); }), HasSubstr("is not an integer"));
  EXPECT_THAT(message_of([&] { kReader.boolean(document, "b", ""); }), HasSubstr("is not true or false"));
  EXPECT_THAT(message_of([&] { kReader.texts(document, "t", ""); }), HasSubstr("not a string"));
}

TEST(JsonReader, IntegerBeyondIntIsRejected) {
  const auto document = kReader.parse(R"({"i": 99999999999})");
  EXPECT_THAT(message_of([&] { kReader.integer(document, "i", ""); }), HasSubstr("is out of range"));
}

TEST(JsonReader, OptionalTreatsNullAsAbsent) {
  const auto document = kReader.parse(R"({"a": null, "b": 1.5})");
  EXPECT_FALSE(kReader.optional(document, "a", "").has_value());
  EXPECT_FALSE(kReader.optional(document, "missing", "").has_value());
  EXPECT_EQ(kReader.optional(document, "b", "").value(), 1.5);
}

TEST(JsonReader, InvalidJsonNamesFile) {
  EXPECT_THAT(message_of([&] { kReader.parse("{not json"); }),
              HasSubstr("out/x.json is not valid JSON"));
}

}  // namespace
}  // namespace cerebro::core
