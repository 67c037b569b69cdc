#pragma once
// Each command registers its CLI11 subcommand and a runner that returns the Answer.
#include "context.hpp"

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
// A mixture file's text ("-" reads standard input).
std::string read_mixture_text(const std::string& path);

} // namespace orscalc::cli
