// Resolving and evaluating (check_steps.hpp): every rule over every entity and the durability
// budget of every topic; the topics of a live cluster as they arrive, while the cluster answers
// for the next ones.
#include "check_steps.hpp"
#include "kafkalint/evaluate.hpp"
#include "kafkalint/resolve.hpp"

namespace kafkalint::check {

Evaluated evaluate(const CheckRequest& request, const Configured& configured, LoadResult& loaded, RunResult& run) {
  Resolver resolver(ResolveOptions{configured.version, configured.clientVersion});
  Evaluation evaluation(loaded.model, configured.rules, resolver);
  DurabilityBudgets budgeting(loaded.model, resolver);
  if (!request.cluster.bootstrap.empty()) {
    auto onTopic = [&](const Entity& topic) {
      evaluation.entity(topic);
      budgeting.topic(topic);
    };
    readCluster(request, configured.rules, loaded.model, onTopic, run);
    run.timer.stage("cluster");
  }
  Evaluated out;
  out.findings = evaluation.finish();
  run.timer.stage("evaluate");
  out.budgets = budgeting.finish();
  run.timer.stage("budget");
  return out;
}

}  // namespace kafkalint::check
