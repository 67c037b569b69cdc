#pragma once
// Each command registers its CLI11 subcommand and a runner that returns the Answer.
#include "context.hpp"

#include "orscalc/mix.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace orscalc::cli {

struct Command {
    CLI::App* app = nullptr;
    std::function<Answer()> run;
};

void register_check(CLI::App& app, Context& context, std::vector<Command>& commands);
void register_mix(CLI::App& app, Context& context, std::vector<Command>& commands);
void register_list(CLI::App& app, Context& context, std::vector<Command>& commands); // list, show
void register_plan(CLI::App& app, Context& context, std::vector<Command>& commands);

// "salt=0.5tsp" -> ingredient and quantity; InputError names the flag and the text.
MixtureLine parse_add_flag(const Library& library, const std::string& text);
// The --have flags (each a comma-separated list, repeatable) -> what the person has, in the
// order given; `mix --have` and `plan --have` read them the same way.
std::vector<AvailableIngredient> parse_have(const Library& library,
                                            const std::vector<std::string>& flags);
// A mixture file's text ("-" reads standard input).
std::string read_mixture_text(const std::string& path);

} // namespace orscalc::cli
