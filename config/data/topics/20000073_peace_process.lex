topic medtop:20000073
5 peace talks
5 peace process
5 peace deal
4 peace plan
4 peace agreement
4 ceasefire
4 cease fire
4 truce
4 peacekeeper
4 peacekeeping
4 peace envoy
