# Religion and belief.
topic medtop:12000000
4 religion
4 religious
2 faith
4 church
4 churches
4 cathedral
4 mosque
4 synagogue
4 temple
2 cardinal
4 bishop
4 archbishop
4 priest
4 clergy
4 pastor
4 imam
4 rabbi
4 monk
4 nun
4 catholic
4 protestant
4 evangelical
4 anglican
4 orthodox church
4 christian
4 christianity
4 muslim
4 islam
4 islamic
4 jewish
4 jews
4 judaism
4 hindu
4 hindus
4 hinduism
4 buddhist
4 buddhism
4 sikh
4 dalai lama
4 bible
4 koran
4 quran
4 torah
4 prayer
4 worship
4 pilgrim
4 pilgrimage
4 hajj
4 ramadan
4 eid
4 easter
4 christmas mass
4 diocese
4 parish
4 sermon
4 blasphemy
4 theology
4 kirche
4 papst
4 église
4 iglesia
4 papa francisco
-2 islamic militants
-2 islamic state
-4 st louis cardinals
-4 arizona cardinals
