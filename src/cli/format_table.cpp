#include "plan_batch.hpp"
#include "plan_report.hpp"
#include "report.hpp"
#include "table_layout.hpp"

namespace orscalc::cli {

std::string render_table(const Answer& answer) {
    const Report& r = answer.report;
    std::string body;
    if (answer.command == "check")
        body = table_check(r);
    else if (answer.command == "plan")
        body = table_plan(r);
    else if (answer.command == "plan-summary")
        body = table_plan_summary(r);
    else if (answer.command == "mix")
        body = table_mix(r);
    else if (answer.command == "list-ingredients")
        return table_list_ingredients(r);
    else if (answer.command == "list-targets")
        return table_list_targets(r);
    else if (answer.command == "show-ingredient")
        return table_show_ingredient(r);
    else if (answer.command == "show-target")
        return table_show_target(r);
    else
        body = r.dump(2) + "\n";
    return body + "\n" + disclaimer + "\n";
}

} // namespace orscalc::cli
