variable "name" {
  description = "Prefix of every name"
  type        = string
  default     = "plant-dev"
}

variable "seed_bucket_name" {
  description = "Bucket whose files are copied onto the FSx share before the application is installed; empty: no copy"
  type        = string
  default     = ""
}

variable "seed_prefix" {
  description = "Prefix inside seed_bucket_name to copy"
  type        = string
  default     = ""
}

variable "fsx_seed_subdirectory" {
  description = "Folder on the share that receives the files"
  type        = string
  default     = ""
}

variable "tags" {
  type = map(string)
  default = {
    Project = "plant"
    Env     = "dev"
  }
}
