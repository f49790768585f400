from medcorpus.cli import main

main()
