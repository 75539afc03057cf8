#include "checks/check_context.hpp"

namespace kafkalint {

const Entity* CheckContext::findTopic(const Entity& client, std::string_view name) const {
  auto [first, last] = topicsByName.equal_range(name);
  for (auto it = first; it != last; ++it) {
    const Entity* topic = it->second;
    if (client.cluster == nullptr || topic->cluster == nullptr || client.cluster == topic->cluster) return topic;
  }
  // Files audited together with --bootstrap describe that cluster: its live topic stands in for
  // one the client's own cluster spec does not list.
  for (auto it = first; it != last; ++it) {
    if (it->second->fromCluster) return it->second;
  }
  return nullptr;
}

const Entity* CheckContext::transactionalWriter(const Entity& topic) {
  if (!transactionalWriters_) {
    transactionalWriters_.emplace();
    for (const Entity& e : model.entities) {
      if (e.kind != EntityKind::Producer || e.produces.empty()) continue;
      EntityView producer(resolver, e, views);
      const Value& id = producer.get("transactional.id").value;
      if (id.isNull() || id.isUnknown()) continue;
      for (const TopicRef& ref : e.produces) {
        if (const Entity* t = findTopic(e, ref.name)) transactionalWriters_->emplace(t, &e);
      }
    }
  }
  auto it = transactionalWriters_->find(&topic);
  return it == transactionalWriters_->end() ? nullptr : it->second;
}

}  // namespace kafkalint
