topic medtop:20000639
5 diplomacy
4 diplomat
4 diplomatic
4 ambassador
4 embassy
4 envoy
4 foreign minister
4 foreign ministry
4 foreign secretary
4 secretary of state
4 state department
4 bilateral
3 summit
1 talks
4 treaty
3 accord
1 relations
1 visit
3 counterpart
