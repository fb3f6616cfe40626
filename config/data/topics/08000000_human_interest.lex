# Human interest: people, animals, ceremonies, records and oddities.
topic medtop:08000000
3 birthday
3 centenarian
2 oldest
2 world record
3 guinness world records
3 guinness book
3 record breaking
3 royal wedding
3 royal family
3 royal baby
2 prince
2 princess
3 queen elizabeth
2 duchess
2 duke
3 celebrity couple
3 animal
2 anniversary
1 ceremony
3 heartwarming
3 quirky
3 bizarre
3 oddly
3 lottery winner
3 reunited
2 hero
3 good samaritan
3 nobel peace prize
3 medal of honor
3 knighted
1 nominated
2 flower
2 garden
2 tree
1 lucky
3 luckiest
3 miracle
3 heartbreaking
3 adorable
3 viral
3 went viral
3 wedding
3 bride
3 groom
1 couple
3 reunion
3 long lost
1 surprise
3 supercentenarian
1 twins
3 triplets
3 quadruplets
1 royal
3 king charles
1 queen
3 monarch
3 birthday party
1 celebration
3 good news
3 eccentric
3 weird
3 oddity
1 strange
1 unusual
3 grandmother
3 grandfather
3 grandparents
3 granddaughter
3 grandson
3 great grandchildren
3 great granddaughter
3 great grandson
2 generations
3 well wishers
3 dream come true
3 lifelong dream
3 once in a lifetime
3 against all odds
1 touching
3 moving tribute
1 cheered
3 tears of joy
3 overjoyed
1 delighted
3 kind hearted
3 kindness
3 act of kindness
2 stranger
2 neighbours
2 neighbors
3 pensioner
3 nonagenarian
3 octogenarian
1 year old woman
1 year old man
3 surprise party
3 marriage proposal
3 newlyweds
3 lost dog
3 lost cat
3 rescued dog
3 found alive
3 stray
3 message in a bottle
3 time capsule
3 love letter
1 letters
2 memories
3 nostalgia
1 regretted
1 finally
1 remarkable
1 celebrated
2 celebrates
# Issue #6: words every beat uses ("proposed" merger, a "34-year-old man" charged, a manager
# "delighted" with a win) were demoted above: in a full-length article they outvoted the topic.
3 proposed to her
3 proposed to him
3 separated at birth
3 met for the first time
# Issue #6: viral infections and stray bullets.
-3 viral infection
-3 viral load
-3 stray bullet
