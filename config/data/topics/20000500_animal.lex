topic medtop:20000500
4 zoo
4 panda
4 pet
4 dog
3 cat
4 puppy
4 kitten
4 elephant
4 whale
4 dolphin
3 shark
2 tiger
3 lion
2 bear
# Issue #6: teams called Lions.
-3 detroit lions
-3 british and irish lions
