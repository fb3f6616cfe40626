# Human interest: people, animals, ceremonies, records and oddities.
topic medtop:08000000
3 birthday
3 centenarian
3 oldest
3 world record
3 guinness world records
3 guinness book
3 record breaking
3 royal wedding
3 royal family
3 royal baby
3 prince
3 princess
3 queen elizabeth
3 duchess
3 duke
3 celebrity couple
3 animal
3 anniversary
3 ceremony
3 heartwarming
3 quirky
3 bizarre
3 oddly
3 lottery winner
3 reunited
3 hero
3 good samaritan
3 nobel peace prize
3 medal of honor
3 knighted
3 nominated
3 flower
3 garden
3 tree
