resource "random_id" "suffix" {
  byte_length = 8
}

module "copy" {
  source = "./module"

  name        = "datasync-efs-s3-simple"
  bucket_name = "datasync-efs-s3-simple-${random_id.suffix.hex}"
  subnet_arn  = var.subnet_arn
}

variable "subnet_arn" {
  type = string
}
