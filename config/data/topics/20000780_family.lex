topic medtop:20000780
4 family
4 marriage
4 divorce
4 adoption
4 parenting
2 parents
4 same sex marriage
4 gay marriage
