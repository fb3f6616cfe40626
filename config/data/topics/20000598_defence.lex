topic medtop:20000598
3 defence
3 defense
4 defence minister
4 defense minister
4 defense secretary
4 defence secretary
4 pentagon
4 ministry of defence
4 military spending
4 defense budget
4 defence budget
4 armed forces
4 military
4 army
4 navy
4 air force
4 troops
4 soldiers
4 arms deal
4 defence pact
4 defense pact
4 military alliance
4 warship
4 fighter jet
4 missile defense
4 missile defence
4 nuclear weapons
4 weapons
