# Politics.
topic medtop:11000000
4 politics
4 political
4 politician
4 government
4 minister
4 presidential
4 vice president
4 opposition
4 ruling party
4 coalition
4 party leader
4 republican
4 democrat
4 democratic party
4 republican party
4 conservative
4 liberal
4 labour party
4 tory
4 mayor
1 policy
1 reform
4 referendum
4 constitution
4 constitutional
4 regime
4 dictator
4 foreign policy
1 spokesman
1 official
1 authorities
1 state
1 country
1 nation
1 national
1 leader
4 bundesregierung
4 bundestag
4 kanzler
4 regierung
4 gouvernement
4 ministre
4 président
4 élection
4 gobierno
4 presidente
4 ministro
