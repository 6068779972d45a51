variable "code_bucket_arn" {
  type = string
}

variable "efs_arn" {
  type = string
}

variable "subnet_arn" {
  type = string
}

variable "services_sg_arn" {
  type = string
}

variable "sync_task_name" {
  type    = string
  default = "orchestrator_code_sync_task"
}

module "code_sync" {
  source          = "./modules/code_sync"
  role_arn        = aws_iam_role.sync.arn
  bucket_arn      = var.code_bucket_arn
  efs_arn         = var.efs_arn
  services_sg_arn = var.services_sg_arn
  subnet_arn      = var.subnet_arn
  task_name       = var.sync_task_name
}

resource "aws_iam_role" "sync" {
  name = "code-sync"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
