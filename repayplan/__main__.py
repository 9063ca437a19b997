from repayplan.cli import main

main(prog_name="repayplan")
