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
3 temple
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
3 easter
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
3 believers
3 worshippers
3 congregation
3 clergyman
3 cleric
3 ayatollah
3 mullah
3 shiite
3 shia
3 sunni
3 sufi
3 salafist
3 pentecostal
3 lutheran
3 methodist
3 baptist
3 mormon
3 jehovah
3 scientology
3 atheist
3 atheism
1 secular
1 spiritual
1 holy
1 sacred
1 saint
3 canonisation
3 canonization
3 beatification
1 mass
3 vatican city
3 conclave
3 synod
3 archdiocese
3 seminary
3 missionary
3 monastery
3 convent
3 shrine
1 relic
3 heresy
3 sharia
3 fatwa
3 hijab
3 burqa
3 kosher
3 halal
3 yom kippur
3 passover
3 hanukkah
3 diwali
1 lent
3 christmas
3 good friday
3 eid al fitr
3 eid al adha
3 temple mount
