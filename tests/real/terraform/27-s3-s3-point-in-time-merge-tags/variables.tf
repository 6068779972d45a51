variable "nightly" {
  type    = string
  default = "cron(0 3 * * ? *)"
}

variable "common_tags" {
  type = map(string)
  default = {
    Stage   = "3.1-ingest"
    Project = "corpus-lake"
  }
}
